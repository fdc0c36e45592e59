/**
 * The pacer's gate on heart rate only over every validation panel together (docs/heart-rate-only.md): the test panel
 * (seeds 1-30), the wider panels (101-160, 201-260) and the held-out one (501-600), 250 simulated people per model
 * (`allPanels`), each measured through a simulated watch sending the 3 s or the 5 s average of its heart rate once a
 * second in whole bpm, up to 0.3 s late, 2 % lost, and from beats beside it.
 * `pacer-hr-only-below-gate-<protocol>-<model>-<3s|5s|beats>`: the share of people whose answer gives less than
 * 90 % of their maximal response, for stepped, sliding and the adaptive rate after 10 and after 20 minutes
 * (`adaptive-10min`, `adaptive-20min`, started 1 breath/min away). The gate allows at most 10 %: the watches' figures
 * carry that target, the figures from beats are shown beside them. About eight minutes of runs, too slow for the
 * unit run (test/core/pacer/validation-heart-rate.test.ts holds the 30-person panel's figures there).
 */
import { allPanels, runOutcome, type Outcome } from '../../src/core/pacer/validation';
import { MODELS } from '../../src/core/physiology/models';

const GATE = 0.9;
const MOST_BELOW = 0.1;

const belowGate = (outcomes: readonly Outcome[], share: (o: Outcome) => number) =>
  outcomes.filter((o) => !(share(o) >= GATE)).length / Math.max(1, outcomes.length);

const GATED = ['stepped', 'sliding', 'adaptive-10min', 'adaptive-20min'] as const;

export const targets: Record<string, number> = {};
for (const model of MODELS)
  for (const protocol of GATED)
    for (const watch of ['3s', '5s'])
      targets[`pacer-hr-only-below-gate-${protocol}-${model}-${watch}`] = MOST_BELOW;

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
      const name = (protocol: (typeof GATED)[number]) =>
        `pacer-hr-only-below-gate-${protocol}-${model}-${label}`;
      for (const protocol of ['stepped', 'sliding'] as const)
        figures[name(protocol)] = belowGate(
          people.map((p) => runOutcome(p, protocol, how)),
          (o) => o.share,
        );
      const adaptive = people.map((p) => runOutcome(p, 'adaptive', how));
      figures[name('adaptive-10min')] = belowGate(adaptive, (o) => o.at10?.share ?? 0);
      figures[name('adaptive-20min')] = belowGate(adaptive, (o) => o.share);
    }
  }
  return figures;
}
