import { describe, expect, it } from 'vitest';
import {
  breathAmplitudesBpm,
  breathingResponse,
  cleanBeats,
  fitSine,
  labelledSeries,
  lfSpectrum,
  wrapDeg,
  type TimedRr,
} from '../../../src/core/hrv/biofeedback';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';

/** Beats of a heart whose rate follows hrAt(t) bpm: each interval is 60/HR at its own middle (solved by iteration). */
function beatsFrom(hrAt: (timeS: number) => number, durationS: number): TimedRr[] {
  const beats: TimedRr[] = [];
  let t = 0;
  while (t < durationS) {
    let rrS = 60 / hrAt(t);
    for (let i = 0; i < 5; i += 1) rrS = 60 / hrAt(t + rrS / 2);
    t += rrS;
    beats.push({ rrMs: rrS * 1000, timeS: t });
  }
  return beats;
}

const BREATH_HZ = 0.1;
const volumeAt = (t: number): number => 0.5 - 0.5 * Math.cos(2 * Math.PI * BREATH_HZ * t);
const breaths = Array.from({ length: 12 }, (_, i) => ({ startS: i * 10, endS: (i + 1) * 10 }));

describe('cleanBeats', () => {
  it('drops a premature beat and its compensatory pause, and out-of-range intervals', () => {
    const beats: TimedRr[] = [];
    let t = 0;
    for (const rr of [1000, 1000, 1000, 1000, 1000, 650, 1350, 1000, 1000, 1000, 200, 1000, 1000]) {
      t += rr / 1000;
      beats.push({ rrMs: rr, timeS: t });
    }
    const s = cleanBeats(beats);
    expect(s.rejected).toBe(3);
    expect(s.rrMs.every((rr) => rr === 1000)).toBe(true);
    // Heart rate sits at the middle of its interval.
    expect(s.timeS[0]).toBeCloseTo(0.5, 12);
    expect(s.hrBpm[0]).toBe(60);
  });

  it('keeps the large but smooth swings of resonance breathing', () => {
    const beats = beatsFrom((t) => 66 + 12 * Math.sin(2 * Math.PI * 0.09 * t), 120);
    expect(cleanBeats(beats).rejected).toBe(0);
  });
});

describe('fitSine', () => {
  it('recovers amplitude and phase of a sinusoid riding on a trend', () => {
    const fs = 4;
    const phi = 1.1;
    const values = Array.from(
      { length: 480 },
      (_, k) => 5 + 0.01 * k + 3 * Math.cos(2 * Math.PI * BREATH_HZ * (k / fs) - phi),
    );
    const fit = fitSine(values, fs, BREATH_HZ);
    expect(fit.amplitude).toBeCloseTo(3, 2);
    expect(fit.phaseRad).toBeCloseTo(phi, 2);
  });

  it('wraps angles to (-180, 180]', () => {
    expect(wrapDeg(190)).toBe(-170);
    expect(wrapDeg(-180)).toBe(180);
    expect(wrapDeg(45)).toBe(45);
  });
});

describe('lfSpectrum', () => {
  it('puts the power of a 0.1 Hz sinusoid at 0.1 Hz with its variance (Parseval)', () => {
    const fs = 4;
    const amplitudeMs = 50;
    const values = Array.from(
      { length: 4 * 300 },
      (_, k) => 900 + amplitudeMs * Math.sin(2 * Math.PI * 0.1 * (k / fs)),
    );
    const lf = lfSpectrum(values, fs);
    expect(lf.lfPeakHz).toBeCloseTo(0.1, 3);
    expect(lf.lfPowerMs2).toBeGreaterThan(0.95 * (amplitudeMs ** 2 / 2));
    expect(lf.lfPowerMs2).toBeLessThan(1.05 * (amplitudeMs ** 2 / 2));
  });

  it('sees nothing in the LF band from a 0.25 Hz (HF) oscillation', () => {
    const values = Array.from({ length: 1200 }, (_, k) => 900 + 50 * Math.sin(2 * Math.PI * 0.25 * (k / 4)));
    expect(lfSpectrum(values, 4).lfPowerMs2).toBeLessThan(0.01 * 1250);
  });
});

describe('breathAmplitudesBpm', () => {
  it('is the highest minus the lowest heart rate within each breath', () => {
    const beats = beatsFrom((t) => 66 + 6 * Math.sin(2 * Math.PI * BREATH_HZ * t), 120);
    const amps = breathAmplitudesBpm(cleanBeats(beats), breaths);
    for (const a of amps.slice(1)) {
      expect(a).toBeGreaterThan(11);
      expect(a).toBeLessThanOrEqual(12.01);
    }
    expect(breathAmplitudesBpm(cleanBeats([]), breaths.slice(0, 1))).toEqual([null]);
  });
});

describe('labelledSeries', () => {
  it('keeps exactly the beats the engine labelled normal, at the middle of their intervals', () => {
    // 600 ms among 1000 ms beats: the 20 % rule would drop it; the engine's label is what counts.
    const beats = [
      { rrMs: 1000, timeS: 1, normal: true },
      { rrMs: 600, timeS: 1.6, normal: true },
      { rrMs: 1000, timeS: 2.6, normal: false },
      { rrMs: 800, timeS: 3.4, normal: true },
    ];
    const s = labelledSeries(beats, (b) => b.normal);
    expect(s).toEqual({ timeS: [0.5, 1.3, 3], hrBpm: [60, 100, 75], rrMs: [1000, 600, 800], rejected: 1 });
    expect(cleanBeats(beats).rrMs).not.toContain(600);
  });
});

describe('breathingResponse', () => {
  it('reports heart rate in phase with breathing as 0°, leading as positive, lagging as negative', () => {
    for (const leadDeg of [0, 40, -60]) {
      const lead = (leadDeg * Math.PI) / 180;
      // Volume peaks at t = 5 s in each 10 s breath; heart rate peaks leadDeg earlier.
      const hr = (t: number) => 66 - 8 * Math.cos(2 * Math.PI * BREATH_HZ * t + lead);
      const r = breathingResponse(beatsFrom(hr, 120), volumeAt, breaths, 20, 120, BREATH_HZ);
      expect(r.phaseDeg.status).toBe('ok');
      if (r.phaseDeg.status === 'ok') expect(r.phaseDeg.value).toBeCloseTo(leadDeg, -0.5);
      if (r.amplitudeBpm.status === 'ok') expect(r.amplitudeBpm.value).toBeCloseTo(16, 0);
    }
  });

  it('measures how much of the heart-rate variation follows the breathing rhythm', () => {
    const paced = breathingResponse(
      beatsFrom((t) => 66 + 8 * Math.sin(2 * Math.PI * BREATH_HZ * t), 120),
      volumeAt,
      breaths,
      20,
      120,
      BREATH_HZ,
    );
    const elsewhere = breathingResponse(
      beatsFrom((t) => 66 + 8 * Math.sin(2 * Math.PI * 0.2 * t), 120),
      volumeAt,
      breaths,
      20,
      120,
      BREATH_HZ,
    );
    if (paced.breathLockedShare.status !== 'ok' || elsewhere.breathLockedShare.status !== 'ok') {
      throw new Error('expected both measures');
    }
    expect(paced.breathLockedShare.value).toBeGreaterThan(0.95);
    expect(elsewhere.breathLockedShare.value).toBeLessThan(0.05);
  });

  it('says the swing is not defined, rather than short of data, when no breath holds enough beats to measure', () => {
    // Long enough and full of beats, but every breath span is a second long: at most one or two beats in each.
    const blinks = Array.from({ length: 12 }, (_, i) => ({ startS: i * 10, endS: i * 10 + 1 }));
    const beats = beatsFrom((t) => 66 + 8 * Math.sin(2 * Math.PI * BREATH_HZ * t), 120);
    const r = breathingResponse(beats, volumeAt, blinks, 0, 120, BREATH_HZ);
    expect(r.amplitudeBpm).toEqual({ status: 'not-defined', reason: 'no-breaths' });
    expect(r.phaseDeg.status).toBe('ok');
  });

  it('says not enough data for a short window or no beats', () => {
    const r = breathingResponse([], volumeAt, breaths, 0, 10, BREATH_HZ);
    expect(r.amplitudeBpm).toEqual({ status: 'not-enough-data', have: 10, need: 20, unit: 's' });
    expect(r.phaseDeg.status).toBe('not-enough-data');
    expect(breathingResponse([], volumeAt, breaths, 0, 60, BREATH_HZ).lfPowerMs2.status).toBe(
      'not-enough-data',
    );
  });
});

describe('cleanBeats on a simulated heart with ectopic beats', () => {
  it('removes the ectopic and compensatory beats and almost no sinus beats', () => {
    const heart = new SimulatedHeart({ seed: 5, resonanceBpm: 5.5, ectopicRate: 0.03 });
    const beats: (TimedRr & { kind: string })[] = [];
    while (heart.timeS < 600) {
      const b = heart.nextBeat((t) => 0.5 - 0.5 * Math.cos((2 * Math.PI * 5.5 * t) / 60));
      beats.push(b);
    }
    const abnormal = beats.filter((b) => b.kind !== 'normal').length;
    const cleaned = cleanBeats(beats);
    const kept = new Set(cleaned.timeS.map((t) => t.toFixed(6)));
    const keptAbnormal = beats.filter(
      (b) => b.kind !== 'normal' && kept.has((b.timeS - b.rrMs / 2000).toFixed(6)),
    );
    expect(abnormal).toBeGreaterThan(20);
    expect(keptAbnormal).toEqual([]);
    expect(cleaned.rejected).toBeLessThan(abnormal * 1.1);
  });
});
