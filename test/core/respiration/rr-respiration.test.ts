import { describe, expect, it } from 'vitest';
import { cleanRr } from '../../../src/core/hrv/correction';
import { SimulatedHeart, type SimulatedHeartConfig } from '../../../src/core/physiology/simulated-heart';
import { Random } from '../../../src/core/random';
import { respirationFromRr, type RrRespiration } from '../../../src/core/respiration/rr-respiration';
import { loadFixture } from '../hrv/fixtures';

/** Beats of a simulated person breathing steadily at `bpm` for `seconds`. */
function simulated(bpm: number, seconds: number, config: Partial<SimulatedHeartConfig> = {}) {
  const heart = new SimulatedHeart(config);
  const breathing = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t * bpm) / 60);
  const timeS: number[] = [];
  const rrMs: number[] = [];
  while ((timeS[timeS.length - 1] ?? 0) < seconds) {
    const beat = heart.nextBeat(breathing);
    timeS.push(beat.timeS);
    rrMs.push(beat.rrMs);
  }
  return { timeS, rrMs };
}

const rate = (r: RrRespiration) => (r.status === 'ok' ? r.rateBpm : Number.NaN);

describe('respirationFromRr', () => {
  it('reads nk_rest5min within 1 breath/min of its measured breathing rate (the Welch peak reads 6.0)', () => {
    const fixture = loadFixture('nk_rest5min');
    const measured = fixture.num('extra/rsp_rate_mean_bpm_neurokit2');
    const { series } = cleanRr(fixture.rrMs, { correct: true });
    const r = respirationFromRr(series.timeS, series.nnMs);
    expect(r.status).toBe('ok');
    expect(Math.abs(rate(r) - measured)).toBeLessThan(1);
  });

  it.each([4.5, 5.5, 6, 7])(
    'reads paced breathing at %s/min within 1/min and says the heart follows',
    (bpm) => {
      for (let seed = 1; seed <= 8; seed += 1) {
        const { timeS, rrMs } = simulated(bpm, 150, { seed });
        const r = respirationFromRr(timeS, rrMs, { pacerBpm: bpm });
        expect(Math.abs(rate(r) - bpm)).toBeLessThan(1);
        expect(r.pacer).toBe('follows');
      }
    },
  );

  it.each([12, 15, 18])('reads spontaneous breathing at %s/min within 1/min despite Mayer waves', (bpm) => {
    let read = 0;
    for (let seed = 1; seed <= 8; seed += 1) {
      const { timeS, rrMs } = simulated(bpm, 150, { seed });
      const r = respirationFromRr(timeS, rrMs);
      if (r.status !== 'ok') continue;
      read += 1;
      expect(Math.abs(r.rateBpm - bpm)).toBeLessThan(1);
      expect(r.pacer).toBe('no-pacer');
    }
    expect(read).toBeGreaterThanOrEqual(6);
  });

  it('with a pacer at 6/min and a person breathing at 12, reads 12 and says the heart does not follow', () => {
    const { timeS, rrMs } = simulated(12, 150, { seed: 3 });
    const r = respirationFromRr(timeS, rrMs, { pacerBpm: 6 });
    expect(Math.abs(rate(r) - 12)).toBeLessThan(1);
    expect(r.pacer).toBe('not-following');
  });

  it('cannot estimate from white-noise RR, rather than giving a number (at least 97 % of 200 series)', () => {
    const random = new Random(7);
    let cannot = 0;
    for (let k = 0; k < 200; k += 1) {
      const rrMs = Array.from({ length: 220 }, () => 800 + 50 * random.normal());
      let t = 0;
      const timeS = rrMs.map((rr) => (t += rr / 1000));
      const r = respirationFromRr(timeS, rrMs, k % 2 === 0 ? {} : { pacerBpm: 6 });
      if (r.status === 'cannot-estimate') {
        cannot += 1;
        expect(r.pacer).toBe(k % 2 === 0 ? 'no-pacer' : 'not-following');
      }
    }
    expect(cannot).toBeGreaterThanOrEqual(194);
  });

  it('cannot estimate from too short a window, from no beats, or from beats too slow for the band', () => {
    const { timeS, rrMs } = simulated(6, 40, { seed: 1 });
    expect(respirationFromRr(timeS, rrMs)).toEqual({
      status: 'cannot-estimate',
      reason: 'too-short',
      pacer: 'no-pacer',
    });
    expect(respirationFromRr([], []).status).toBe('cannot-estimate');
    const slow = Array.from({ length: 30 }, (_, i) => ({ t: (i + 1) * 2.9, rr: 2900 }));
    const r = respirationFromRr(
      slow.map((b) => b.t),
      slow.map((b) => b.rr),
    );
    expect(r.status === 'cannot-estimate' && r.reason).toBe('too-few-beats');
  });

  it('cannot estimate a perfectly steady heart (no modulation at all)', () => {
    const timeS = Array.from({ length: 150 }, (_, i) => (i + 1) * 0.8);
    const r = respirationFromRr(
      timeS,
      timeS.map(() => 800),
    );
    expect(r.status).toBe('cannot-estimate');
  });
});
