import { describe, expect, it } from 'vitest';
import { simulateProtocol } from '../../../src/core/pacer/simulation';

/**
 * Validation of the three ways to find the resonance frequency against simulated people whose resonance is known:
 * 5 resonance frequencies × 10 seeds, with beat-to-beat noise, Mayer waves, drift and 1 % ectopic beats (the
 * simulation defaults). The figures are summarised in docs/pacer-validation.md.
 */
const RESONANCES_BPM = [4.5, 5.0, 5.5, 6.0, 6.5];
const SEEDS = Array.from({ length: 10 }, (_, i) => 101 + i);
const runs = RESONANCES_BPM.flatMap((resonanceBpm) => SEEDS.map((seed) => ({ resonanceBpm, seed })));

// Each test runs 50 fast-forward sessions (a few seconds); on a loaded 2-core machine allow more than the default 5 s.
describe('resonance frequency validation on simulated people', { timeout: 60_000 }, () => {
  it('the stepped protocol picks the right step in at least 90 % of runs', () => {
    const hits = runs.filter(({ resonanceBpm, seed }) => {
      const r = simulateProtocol({ protocol: 'stepped', resonanceBpm, seed });
      return r.foundBpm !== null && Math.abs(r.foundBpm - resonanceBpm) < 1e-9;
    }).length;
    expect(hits / runs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('the sliding protocol lands within 0.3 breaths/min in at least 90 % of runs', () => {
    const hits = runs.filter(({ resonanceBpm, seed }) => {
      const r = simulateProtocol({ protocol: 'sliding', resonanceBpm, seed });
      return r.foundBpm !== null && Math.abs(r.foundBpm - resonanceBpm) <= 0.3;
    }).length;
    expect(hits / runs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('the adaptive controller started 1/min away is within 0.3 by 10 minutes and stays there', () => {
    const failures: string[] = [];
    for (const { resonanceBpm, seed } of runs) {
      // Alternate the side it starts from, keeping the start inside 4-7 breaths/min.
      const up = resonanceBpm + 1 <= 7 && (seed % 2 === 0 || resonanceBpm - 1 < 4);
      const startBpm = up ? resonanceBpm + 1 : resonanceBpm - 1;
      const r = simulateProtocol({ protocol: 'adaptive', resonanceBpm, seed, startBpm, durationS: 900 });
      const reached = r.rateTrace.find(([, rate]) => Math.abs(rate - resonanceBpm) <= 0.3);
      const after = r.rateTrace.filter(([t]) => reached !== undefined && t >= reached[0]);
      const worst = Math.max(...after.map(([, rate]) => Math.abs(rate - resonanceBpm)));
      if (!reached || reached[0] > 600 || worst > 0.3) {
        failures.push(
          `resonance ${resonanceBpm} seed ${seed} start ${startBpm}: reached ${reached?.[0]} s, worst ${worst}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
