import { describe, expect, it } from 'vitest';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';
import { spontaneousBreathingOf } from '../../../src/core/physiology/spontaneous-breathing';
import {
  analyseReading,
  lnRmssd,
  MAX_CORRECTED_PERCENT,
  type MeasuredBeat,
} from '../../../src/core/readiness/reading';

/** `seconds` of beats from a simulated person breathing on their own. */
function simulated(
  seconds: number,
  config: ConstructorParameters<typeof SimulatedHeart>[0] = {},
): MeasuredBeat[] {
  const heart = new SimulatedHeart({ seed: 11, ...config });
  const breathing = spontaneousBreathingOf({ seed: 5 });
  const beats: MeasuredBeat[] = [];
  for (let t = 0; t < seconds;) {
    const b = heart.nextBeat(breathing);
    beats.push({ rrMs: b.rrMs, afterGap: false });
    t = b.timeS;
  }
  return beats;
}

function rmssdOf(rr: readonly number[]): number {
  let sum = 0;
  for (let k = 1; k < rr.length; k += 1) sum += ((rr[k] ?? 0) - (rr[k - 1] ?? 0)) ** 2;
  return Math.sqrt(sum / (rr.length - 1));
}

/** A clean hand-made series: RR waving ±40 ms around 950 ms with each breath of 4.3 beats, `n` beats. */
function waving(n: number): MeasuredBeat[] {
  return Array.from({ length: n }, (_, k) => ({
    rrMs: 950 + 40 * Math.sin((2 * Math.PI * k) / 4.3),
    afterGap: false,
  }));
}

describe('analyseReading', () => {
  it('on clean beats: RMSSD and mean heart rate from their definitions, ln RMSSD its log', () => {
    const beats = waving(64);
    const result = analyseReading(beats, 60);
    if (result.status !== 'ok') throw new Error(result.status);
    const rr = beats.map((b) => b.rrMs);
    expect(result.correctedCount).toBe(0);
    expect(result.rmssdMs).toBeCloseTo(rmssdOf(rr), 9);
    expect(result.lnRmssd).toBeCloseTo(Math.log(rmssdOf(rr)), 9);
    expect(lnRmssd({ rmssdMs: result.rmssdMs })).toBeCloseTo(result.lnRmssd, 12);
    const hr = rr.reduce((a, v) => a + 60_000 / v, 0) / rr.length;
    expect(result.meanHrBpm).toBeCloseTo(hr, 9);
    expect(result.beatCount).toBe(rr.length);
  });

  it('takes no difference across a gap', () => {
    const beats = waving(70);
    const withGap = beats.map((b, i) => (i === 30 ? { ...b, afterGap: true } : b));
    const result = analyseReading(withGap, 60);
    if (result.status !== 'ok') throw new Error(result.status);
    const rr = withGap.map((b) => b.rrMs);
    const before = rr.slice(0, 30);
    const after = rr.slice(30);
    const squares = (x: number[]) => x.slice(1).reduce((a, v, i) => a + (v - (x[i] ?? 0)) ** 2, 0);
    const expected = Math.sqrt((squares(before) + squares(after)) / (before.length - 1 + after.length - 1));
    expect(result.rmssdMs).toBeCloseTo(expected, 9);
  });

  it('corrects a few artifacts and keeps the reading', () => {
    const beats = simulated(120);
    const noisy = beats.map((b, i) => (i === 40 ? { ...b, rrMs: b.rrMs * 1.9 } : b));
    const result = analyseReading(noisy, 120);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.correctedCount).toBeGreaterThanOrEqual(1);
    // Corrected, the outlier no longer dominates: RMSSD stays near the clean recording's.
    const clean = analyseReading(beats, 120);
    if (clean.status !== 'ok') throw new Error(clean.status);
    expect(Math.abs(result.rmssdMs - clean.rmssdMs) / clean.rmssdMs).toBeLessThan(0.1);
    expect(rmssdOf(noisy.map((b) => b.rrMs))).toBeGreaterThan(clean.rmssdMs * 1.5);
  });

  it('does not trust a reading with more than 5 % corrected beats', () => {
    const result = analyseReading(simulated(120), 120);
    const heavy = analyseReading(simulated(120, { ectopicRate: 0.08, missedRate: 0.04 }), 120);
    expect(result.status).toBe('ok');
    expect(heavy.status).toBe('too-many-corrected');
    if (heavy.status !== 'too-many-corrected') return;
    expect(heavy.correctedPercent).toBeGreaterThan(MAX_CORRECTED_PERCENT);
    expect(heavy.correctedPercent).toBeCloseTo((100 * heavy.correctedCount) / heavy.beatCount, 12);
  });

  it('says a reading is too short when beats cover under 80 % of the length', () => {
    const result = analyseReading(simulated(40), 60);
    expect(result.status).toBe('too-short');
    if (result.status === 'too-short') {
      expect(result.needS).toBe(48);
      expect(result.haveS).toBeLessThan(48);
      expect(result.haveS).toBeGreaterThan(35);
    }
    expect(analyseReading([], 60)).toEqual({ status: 'too-short', haveS: 0, needS: 48 });
  });
});
