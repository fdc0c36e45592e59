import { describe, expect, it } from 'vitest';
import { seriesFromRr, withTimes } from '../../../src/core/hrv/series';
import { timeDomain } from '../../../src/core/hrv/time-domain';
import { holdToReference, loadFixture, must, REFERENCE_FILES, TIME_DOMAIN_CHECKS } from './fixtures';

describe('time domain against the reference libraries (0.01 %, HTI 0.5 %)', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      holdToReference(f, timeDomain(seriesFromRr(f.rrMs)), TIME_DOMAIN_CHECKS);
    });
  }
});

describe('time domain on signals known on paper', () => {
  it('a constant series has zero variability', () => {
    const td = timeDomain(seriesFromRr(new Array(100).fill(800)));
    expect(must(td.sdnnMs)).toBe(0);
    expect(must(td.rmssdMs)).toBe(0);
    expect(must(td.pnn50Pct)).toBe(0);
    expect(must(td.meanHrBpm)).toBeCloseTo(75, 12);
    expect(must(td.triangularIndex)).toBe(1);
  });

  it('a faster heart with the same variability in beats has a lower RMSSD', () => {
    // The same relative beat-to-beat pattern (in beats) at 60 and at 100 bpm.
    const pattern = Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7) * 0.05);
    const slow = timeDomain(seriesFromRr(pattern.map((p) => 1000 * (1 + p))));
    const fast = timeDomain(seriesFromRr(pattern.map((p) => 600 * (1 + p))));
    expect(must(fast.rmssdMs)).toBeLessThan(must(slow.rmssdMs));
    expect(must(fast.rmssdMs) / must(slow.rmssdMs)).toBeCloseTo(0.6, 10);
  });

  it('recomputes RMSSD from its definition on a short series', () => {
    const td = timeDomain(seriesFromRr([800, 850, 820, 900]));
    expect(must(td.rmssdMs)).toBeCloseTo(Math.sqrt((50 ** 2 + 30 ** 2 + 80 ** 2) / 3), 12);
    expect(must(td.pnn50Pct)).toBeCloseTo(100 / 3, 12);
  });

  it("computes Baevsky's stress index from its definition", () => {
    // 60 % of intervals in the 800-850 ms bin (Mo = 0.825 s, AMo = 60 %), range 50 ms.
    const td = timeDomain(seriesFromRr([810, 810, 810, 810, 810, 810, 860, 860, 860, 860]));
    expect(must(td.stressIndex)).toBeCloseTo(60 / (2 * 0.825 * 0.05), 9);
  });

  it('takes no difference across a dropped beat', () => {
    const td = timeDomain(seriesFromRr([800, 810, Number.NaN, 1200, 1210]));
    // Only 810-800 and 1210-1200 are successive differences.
    expect(must(td.rmssdMs)).toBeCloseTo(10, 12);
    const gapped = timeDomain(withTimes(Float64Array.from([800, 810, 1200]), Uint8Array.from([0, 1, 0])));
    expect(gapped.rmssdMs.status).toBe('not-enough-data');
  });

  it('gives not-enough-data, not NaN, for empty and short input', () => {
    for (const rr of [[], [800], [800, 810], [Number.NaN, 0, -5, 5000]]) {
      const td = timeDomain(seriesFromRr(rr));
      for (const m of Object.values(td) as { status: string }[]) expect(m.status).toBe('not-enough-data');
    }
  });
});
