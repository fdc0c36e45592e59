/**
 * `npx tsx scripts/pacer-validation.ts [people] [firstSeed]`: the numbers behind docs/pacer-validation.md. Runs the
 * stepped, sliding and adaptive protocols on validation panels of both physiology models (30 people each from seed
 * 1 by default, the panels test/core/pacer/validation.test.ts uses) and prints the gate table in Markdown.
 */
import { PROTOCOLS } from '../src/core/pacer/simulation';
import { runOutcome, summarise } from '../src/core/pacer/validation';
import { MODELS, validationPanel } from '../src/core/physiology/models';

const people = Number(process.argv[2] ?? 30);
const firstSeed = Number(process.argv[3] ?? 1);
const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)} %`);

console.log(`${people} people per model, seeds ${firstSeed}-${firstSeed + people - 1}.\n`);
console.log(
  '| model | protocol | >= 90 % of maximal response | after 10 min | on target (nearest step / within 0.3) | median time to answer | worst spread, last 5 min |',
);
console.log('|---|---|---|---|---|---|---|');
for (const model of MODELS) {
  const panel = validationPanel(model, people, firstSeed);
  for (const protocol of PROTOCOLS) {
    const s = summarise(panel.map((p) => runOutcome(p, protocol)));
    const spread = s.worstSpreadBpm === null ? '' : `${s.worstSpreadBpm.toFixed(2)}/min`;
    console.log(
      `| ${model} | ${protocol} | ${pct(s.passShare)} | ${pct(s.passShare10)} | ${pct(s.onTargetShare)} | ${(s.medianTimeToAnswerS / 60).toFixed(1)} min | ${spread} |`,
    );
  }
}
