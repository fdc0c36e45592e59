/**
 * The adaptive pacer's gate on heart rate only over every validation panel together (docs/heart-rate-only.md): the
 * test panel (seeds 1-30), the wider panels (101-160, 201-260) and the held-out one (501-600), 250 simulated people
 * per model, each started 1 breath/min from their resonance (src/core/pacer/validation.ts) and measured through a
 * simulated watch sending the 3 s or the 5 s average of its heart rate once a second in whole bpm, up to 0.3 s late,
 * 2 % lost, and from beats beside it. `pacer-hr-only-below-gate-adaptive-<10|20>min-<model>-<3s|5s|beats>`: the
 * share of people whose rate after 10 or 20 minutes gives less than 90 % of their maximal response. The gate allows
 * at most 10 % (the watches' figures carry that target; the figures from beats are shown beside them). The
 * assessments' gate over the same people is a unit test (test/core/pacer/validation-heart-rate-panels-*.test.ts);
 * these runs take about six minutes, too slow for one.
 */
import { allPanels, runOutcome, type Outcome } from '../../src/core/pacer/validation';
import { MODELS } from '../../src/core/physiology/models';

const GATE = 0.9;
const MOST_BELOW = 0.1;

const belowGate = (outcomes: readonly Outcome[], share: (o: Outcome) => number) =>
  outcomes.filter((o) => !(share(o) >= GATE)).length / Math.max(1, outcomes.length);

export const targets: Record<string, number> = {};
for (const model of MODELS)
  for (const minutes of [10, 20])
    for (const watch of ['3s', '5s'])
      targets[`pacer-hr-only-below-gate-adaptive-${minutes}min-${model}-${watch}`] = MOST_BELOW;

export async function run(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const model of MODELS) {
    const people = allPanels(model);
    for (const [label, smoothingS] of [
      ['3s', 3],
      ['5s', 5],
      ['beats', null],
    ] as const) {
      const how =
        smoothingS === null ? {} : { watch: { smoothingS, jitterS: 0.3, dropShare: 0.02, seed: 1 } };
      const outcomes = people.map((p) => runOutcome(p, 'adaptive', how));
      const name = `pacer-hr-only-below-gate-adaptive`;
      figures[`${name}-10min-${model}-${label}`] = belowGate(outcomes, (o) => o.at10?.share ?? 0);
      figures[`${name}-20min-${model}-${label}`] = belowGate(outcomes, (o) => o.share);
    }
  }
  return figures;
}
