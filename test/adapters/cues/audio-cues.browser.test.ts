import { describe, expect, it } from 'vitest';
import { AudioCues } from '../../../src/adapters/cues/audio-cues';
import { planCues } from '../../../src/core/pacer/cues';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

const RATE_HZ = 16000;

/** Times where the rendered sound starts after at least 1 s of near silence, seconds. */
function onsets(samples: Float32Array): number[] {
  const out: number[] = [];
  let quietSince = -Infinity;
  let quiet = true;
  for (let i = 0; i < samples.length; i += 1) {
    const loud = Math.abs(samples[i] ?? 0) > 0.01;
    if (loud && quiet && i - quietSince > RATE_HZ * 0.5) out.push(i / RATE_HZ);
    if (loud) quiet = false;
    if (Math.abs(samples[i] ?? 0) < 0.002) {
      if (!quiet) quietSince = i;
      quiet = true;
    }
  }
  return out;
}

describe('AudioCues in a real Web Audio graph', () => {
  it('starts each chime within 20 ms of its phase change on the pacer clock, across a rate change', async () => {
    const durationS = 40;
    const ctx = new OfflineAudioContext(1, RATE_HZ * durationS, RATE_HZ);
    const schedule = new PacerSchedule(patternFromRate(6, 0.4), 0);
    schedule.setPattern(patternFromRate(4.5, 0.5), 3);
    const cues = new AudioCues(ctx);
    // The pacer clock runs 100 s ahead of the audio clock here: the adapter must translate, not copy, times.
    const pacerOffsetS = 100;
    const shifted = new PacerSchedule(patternFromRate(6, 0.4), pacerOffsetS);
    shifted.setPattern(patternFromRate(4.5, 0.5), pacerOffsetS + 3);
    const events = planCues(shifted.phaseChanges(pacerOffsetS, pacerOffsetS + durationS - 2), {
      sound: 'chime',
      vibration: true,
      volume: 1,
    });
    cues.schedule(events, pacerOffsetS);
    const rendered = await ctx.startRendering();
    const heard = onsets(rendered.getChannelData(0));
    const changes = schedule.phaseChanges(0, durationS - 2).map((c) => c.timeS);
    // 6/min 40:60 for the first breath, then 4.5/min equal: 0, 4, then 10, 16.67, 23.33, ...
    expect(changes.slice(0, 3)).toEqual([0, 4, 10]);
    expect(changes[3]).toBeCloseTo(10 + 60 / 4.5 / 2, 9);
    expect(heard).toHaveLength(changes.length);
    heard.forEach((t, i) => expect(Math.abs(t - (changes[i] ?? -1))).toBeLessThanOrEqual(0.02));
  });

  it('renders a tone only while breathing in and out', async () => {
    const ctx = new OfflineAudioContext(1, RATE_HZ * 16, RATE_HZ);
    const schedule = new PacerSchedule({ inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 });
    new AudioCues(ctx).schedule(
      planCues(schedule.phaseChanges(0, 16), { sound: 'tone', vibration: false, volume: 1 }),
      0,
    );
    const data = (await ctx.startRendering()).getChannelData(0);
    const rms = (fromS: number, toS: number) => {
      let sum = 0;
      for (let i = fromS * RATE_HZ; i < toS * RATE_HZ; i += 1) sum += (data[i] ?? 0) ** 2;
      return Math.sqrt(sum / ((toS - fromS) * RATE_HZ));
    };
    expect(rms(1, 3)).toBeGreaterThan(0.1);
    expect(rms(4.5, 7.5)).toBeLessThan(0.001);
    expect(rms(9, 11)).toBeGreaterThan(0.1);
    expect(rms(12.5, 15.5)).toBeLessThan(0.001);
  });
});
