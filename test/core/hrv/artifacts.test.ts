import { describe, expect, it } from 'vitest';
import { BEAT_LABEL_NAMES, BeatLabel, detectArtifacts } from '../../../src/core/hrv/artifacts';
import { Random } from '../../../src/core/random';
import { loadFixture } from './fixtures';

/** RR indices per NeuroKit2 class; long and short are its single 'longshort' class. */
function classes(labels: Uint8Array): Record<string, number[]> {
  const out: Record<string, number[]> = { ectopic: [], missed: [], extra: [], longshort: [] };
  labels.forEach((l, k) => {
    const name = BEAT_LABEL_NAMES[l] ?? 'normal';
    if (name === 'normal') return;
    out[name === 'long' || name === 'short' ? 'longshort' : name]?.push(k);
  });
  return out;
}

describe('Kubios artifact detection flags what NeuroKit2 flags on the first pass', () => {
  const cases = [
    ['nsrdb_5min', 'artifact_check_neurokit2_kubios'],
    ['nk_rest5min', 'artifact_check_neurokit2_kubios'],
    ['polar_h10_dhyb', 'artifact_check_neurokit2_kubios'],
    ['polar_h10_dhyb_injected', 'neurokit2_kubios'],
  ] as const;
  for (const [id, block] of cases) {
    it(id, () => {
      const f = loadFixture(id);
      const got = classes(detectArtifacts(f.rrMs));
      for (const cls of ['ectopic', 'missed', 'extra', 'longshort'])
        expect(got[cls], cls).toEqual(f.numbers(`${block}/first_pass_flags_as_rr_indices/${cls}`));
    });
  }

  it('flags every injected artifact of the injected file', () => {
    const f = loadFixture('polar_h10_dhyb_injected');
    const labels = detectArtifacts(f.rrMs);
    for (const k of f.numbers('injected_rr_indices_all')) {
      // An extra beat splits one interval in two: flagging either half finds it.
      const partner = k === 216 ? 217 : k === 217 ? 216 : k;
      expect(labels[k] !== BeatLabel.normal || labels[partner] !== BeatLabel.normal, `RR ${k}`).toBe(true);
    }
  });
});

describe('classification on constructed beats', () => {
  function steady(n: number, seed: number): number[] {
    const random = new Random(seed);
    return Array.from({ length: n }, (_, i) => 800 + 30 * Math.sin(i / 3) + 5 * random.normal());
  }

  it('names a missed beat, an extra beat and an ectopic pair', () => {
    const rr = steady(200, 3);
    rr.splice(50, 2, (rr[50] ?? 0) + (rr[51] ?? 0)); // missed: two intervals merged, now RR 50
    const split = rr[100] ?? 0;
    rr.splice(100, 1, split * 0.45, split * 0.55); // extra: one interval split, RR 100-101
    rr[150] = 0.65 * 800;
    rr[151] = 1.35 * 800; // premature beat with a compensatory pause
    const labels = detectArtifacts(rr);
    expect(labels[50]).toBe(BeatLabel.missed);
    expect(labels[100]).toBe(BeatLabel.extra);
    expect([labels[150], labels[151]]).toContain(BeatLabel.ectopic);
    const flagged = [...labels.keys()].filter((k) => labels[k] !== BeatLabel.normal);
    expect(flagged.every((k) => [50, 100, 101, 150, 151].includes(k))).toBe(true);
  });

  it('flags nothing on a clean sinusoidal rhythm', () => {
    const rr = Array.from({ length: 300 }, (_, i) => 900 + 60 * Math.sin((2 * Math.PI * i) / 10));
    expect(detectArtifacts(rr).every((l) => l === BeatLabel.normal)).toBe(true);
  });

  it('returns all-normal labels for fewer than three intervals', () => {
    expect([...detectArtifacts([])]).toEqual([]);
    expect([...detectArtifacts([800, 1600])]).toEqual([0, 0]);
  });
});
