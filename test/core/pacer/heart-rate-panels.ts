import { expect, it } from 'vitest';
import { allPanels, runOutcome, summarise } from '../../../src/core/pacer/validation';
import type { ModelName } from '../../../src/core/physiology/models';

/**
 * The pacer's gate on heart rate only (docs/heart-rate-only.md) over every validation panel together: the test panel
 * (seeds 1-30), the two wider panels (101-160, 201-260) and the held-out one (501-600, never tuned on), 250 simulated
 * people per model (`allPanels`). On 30 people one person is 3.3 points of the gate, about the whole difference a watch makes to
 * an assessment (the spread of a step's swing about the true response: 12.7 % from beats, 13.2-13.7 % from a watch),
 * so the 30-person panel alone cannot say whether a protocol meets a 90 % gate on heart rate only; 250 people can,
 * within about 2 points. Each person is measured through a simulated watch that sends, once a second, the 3 s or the
 * 5 s average of its heart rate in whole bpm, up to 0.3 s late, 2 % lost; the protocols are not told the watch's
 * averaging. The adaptive controller's figures over the same people are in `npm run bench pacer-hr-only`
 * (scripts/bench/pacer-hr-only.ts), too slow for a unit test. One file per model, so the two run side by side.
 */
const GATE = 0.9;

export function heartRateGateOverPanels(model: ModelName): void {
  const people = allPanels(model);
  for (const protocol of ['stepped', 'sliding'] as const) {
    it(`${model} ${protocol}: >= 90 % of the response in >= 90 % of 250 people, with a 3 s and with a 5 s watch`, () => {
      for (const smoothingS of [3, 5]) {
        const watch = { smoothingS, jitterS: 0.3, dropShare: 0.02, seed: 1 };
        const s = summarise(people.map((p) => runOutcome(p, protocol, { watch })));
        expect(s.people).toBe(250);
        expect(s.passShare).toBeGreaterThanOrEqual(GATE);
      }
    });
  }
}
