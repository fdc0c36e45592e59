/**
 * `npx tsx scripts/hr-only-validation.ts [people]`: the pacer validation's gate (docs/pacer-validation.md) repeated
 * on heart rate only, beside the results from beats, for docs/heart-rate-only.md. Each simulated person of the
 * validation panels is measured once from their beats and once through a simulated heart-rate-only watch
 * (src/core/hr-only/watch.ts): once a second the trailing average of the last 3 s (or 5 s) of heart rate, rounded to
 * a whole bpm, arriving 0-0.3 s late, 2 % of the samples lost. The app does not know a watch's averaging, so the
 * swings are read as sent, uncorrected, as the app reads them.
 */
import { runOutcome, summarise, type GateSummary } from '../src/core/pacer/validation';
import { validationPanel } from '../src/core/physiology/models';
import { PROTOCOLS } from '../src/core/pacer/simulation';

const people = Number(process.argv[2] ?? 30);
const watches = [
  { label: 'watch, 3 s average', watch: { smoothingS: 3, jitterS: 0.3, dropShare: 0.02, seed: 1 } },
  { label: 'watch, 5 s average', watch: { smoothingS: 5, jitterS: 0.3, dropShare: 0.02, seed: 1 } },
];
const pct = (x: number) => `${Math.round(100 * x)} %`;
const cell = (s: GateSummary) =>
  `${pct(s.passShare)}${s.passShare10 === null ? '' : ` (${pct(s.passShare10)} at 10 min)`}, on target ${pct(s.onTargetShare)}`;

console.log(
  `Panels of ${people} people per model. Share of people whose answer gives >= 90 % of their maximal response.\n`,
);
console.log(`| model | protocol | beats (RR) | ${watches.map((w) => w.label).join(' | ')} |`);
console.log(`|---|---|---|${watches.map(() => '---').join('|')}|`);
for (const model of ['resonator', 'baroreflex-delay'] as const) {
  const panel = validationPanel(model, people);
  for (const protocol of PROTOCOLS) {
    const rr = summarise(panel.map((p) => runOutcome(p, protocol)));
    const hr = watches.map(({ watch }) => summarise(panel.map((p) => runOutcome(p, protocol, { watch }))));
    console.log(`| ${model} | ${protocol} | ${cell(rr)} | ${hr.map(cell).join(' | ')} |`);
  }
}
