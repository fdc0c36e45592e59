import { describe, expect, it } from 'vitest';
import { planCues, TONE_HIGH_HZ, TONE_LOW_HZ } from '../../../src/core/pacer/cues';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

/** Records the phase changes a pacer shows, sampled every millisecond: the ground truth cues must match. */
class Watcher {
  readonly seen: { timeS: number; phase: string }[] = [];
  #last = '';
  #breath = -1;
  constructor(readonly schedule: PacerSchedule) {}
  watch(fromS: number, toS: number): void {
    for (let ms = Math.round(fromS * 1000); ms < Math.round(toS * 1000); ms += 1) {
      const s = this.schedule.at(ms / 1000);
      if (s.phase !== this.#last || s.breathIndex !== this.#breath)
        this.seen.push({ timeS: ms / 1000, phase: s.phase });
      this.#last = s.phase;
      this.#breath = s.breathIndex;
    }
  }
}

const DEFAULT_TONE = { sound: 'tone', vibration: false, volume: 0.5 } as const;

describe('planCues', () => {
  it('puts every sound and vibration cue within 20 ms of the phase change the pacer shows, across rate changes', () => {
    const planner = new PacerSchedule(patternFromRate(6, 0.4));
    const watcher = new Watcher(new PacerSchedule(patternFromRate(6, 0.4)));
    const box = { inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 };
    const cues: ReturnType<typeof planCues> = [];
    // Plan in look-ahead slices of 0.2 s as the adapter does; the person changes the pattern mid-breath twice.
    for (let slice = 0; slice < 450; slice += 1) {
      const t = slice / 5;
      if (slice === 67 || slice === 205) {
        const next = slice === 67 ? patternFromRate(4.5, 0.5) : box;
        planner.setPattern(next);
        watcher.schedule.setPattern(next);
      }
      planner.at(t);
      cues.push(
        ...planCues(planner.phaseChanges(t, t + 0.2), { sound: 'chime', vibration: true, volume: 0.7 }),
      );
      watcher.watch(t, t + 0.2);
    }
    const shown = watcher.seen;
    expect(shown.length).toBeGreaterThan(15);
    expect(shown.some((c) => c.phase === 'hold-in')).toBe(true);
    for (const kind of ['chime', 'vibrate'] as const) {
      const planned = cues.filter((c) => c.kind === kind);
      expect(planned).toHaveLength(shown.length);
      planned.forEach((c, i) => {
        const truth = shown[i] as { timeS: number; phase: string };
        expect(Math.abs(c.atS - truth.timeS)).toBeLessThanOrEqual(0.02);
        expect(c.phase).toBe(truth.phase);
      });
    }
  });

  it('keeps tones matched to the phases shown when the pattern changes inside the look-ahead', () => {
    const planner = new PacerSchedule(patternFromRate(6, 0.5));
    const watcher = new Watcher(planner);
    const tones: { atS: number; endS: number }[] = [];
    const rates = [4.5, 7, 5, 6.5, 4];
    for (let slice = 0; slice < 600; slice += 1) {
      const t = slice / 10;
      planner.at(t);
      // A slider dragged in the last 0.3 s of a breath, after the next breath's cues were planned.
      if (planner.nextBoundaryS - t <= 0.25 && planner.nextBoundaryS - t > 0.15) {
        planner.setPattern(patternFromRate(rates[slice % rates.length] as number, 0.4), t);
      }
      for (const c of planCues(planner.phaseChanges(t, t + 0.3), DEFAULT_TONE)) {
        if (c.kind === 'tone' && !tones.some((x) => x.atS === c.atS))
          tones.push({ atS: c.atS, endS: c.endS });
      }
      watcher.watch(t, t + 0.1);
    }
    const shown = watcher.seen;
    const inhales = shown.filter((c) => c.phase === 'inhale');
    expect(inhales.length).toBeGreaterThanOrEqual(4);
    for (const tone of tones.filter((x) => x.endS < 59)) {
      const start = shown.findIndex((c) => Math.abs(c.timeS - tone.atS) <= 0.02);
      expect(start).toBeGreaterThanOrEqual(0);
      // The phase after the tone's starts when the tone ends.
      expect(Math.abs((shown[start + 1]?.timeS ?? -1) - tone.endS)).toBeLessThanOrEqual(0.02);
    }
  });

  it('rises in pitch while breathing in and falls while breathing out, silent in holds', () => {
    const schedule = new PacerSchedule({ inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 });
    const cues = planCues(schedule.phaseChanges(0, 16), { sound: 'tone', vibration: false, volume: 0.5 });
    expect(cues).toEqual([
      {
        kind: 'tone',
        atS: 0,
        endS: 4,
        fromHz: TONE_LOW_HZ,
        toHz: TONE_HIGH_HZ,
        volume: 0.5,
        phase: 'inhale',
      },
      {
        kind: 'tone',
        atS: 8,
        endS: 12,
        fromHz: TONE_HIGH_HZ,
        toHz: TONE_LOW_HZ,
        volume: 0.5,
        phase: 'exhale',
      },
    ]);
  });

  it('plans nothing when cues are off or muted, and clamps the volume', () => {
    const changes = new PacerSchedule(patternFromRate(6)).phaseChanges(0, 30);
    expect(planCues(changes, { sound: 'off', vibration: false, volume: 1 })).toEqual([]);
    expect(planCues(changes, { sound: 'chime', vibration: false, volume: 0 })).toEqual([]);
    const loud = planCues(changes, { sound: 'chime', vibration: false, volume: 7 });
    expect(loud.every((c) => c.kind === 'chime' && c.volume === 1)).toBe(true);
  });
});
