/**
 * `npx tsx scripts/hr-only-validation.ts [people] [firstSeed]` (or `all`: every validation panel together, 250 people
 * per model, as the gate is judged; src/core/pacer/validation.ts `allPanels`): the pacer validation's gate
 * (docs/pacer-validation.md) repeated on heart rate only, beside the results from beats, for docs/heart-rate-only.md.
 * Each simulated person of a validation panel (seeds firstSeed.., default 1) is measured once from their beats and
 * once through a simulated heart-rate-only watch (src/core/hr-only/watch.ts): once a second the trailing average of
 * the last 3 s (or 5 s) of heart rate, rounded to a whole bpm, arriving 0-0.3 s late, 2 % of the samples lost. The
 * protocols are not told the watch's averaging: they read it from the series, as the app does
 * (src/core/hr-only/smoothing-estimate.ts). Optional `--jitter S --drop SHARE` change the watch.
 */
import { allPanels, runOutcome, summarise, type GateSummary } from '../src/core/pacer/validation';
import { validationPanel } from '../src/core/physiology/models';
import { PROTOCOLS } from '../src/core/pacer/simulation';

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const positional = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const pooled = positional[0] === 'all';
const [people, firstSeed] = pooled ? [250, 1] : positional.map(Number);
const panelSize = people ?? 30;
const jitterS = flag('--jitter', 0.3);
const dropShare = flag('--drop', 0.02);
const watches = [3, 5].map((smoothingS) => ({
  label: `watch, ${smoothingS} s average`,
  watch: { smoothingS, jitterS, dropShare, seed: 1 },
}));
const pct = (x: number) => `${Math.round(100 * x)} %`;
const cell = (s: GateSummary) =>
  `${pct(s.passShare)}${s.passShare10 === null ? '' : ` (${pct(s.passShare10)} at 10 min)`}, on target ${pct(s.onTargetShare)}`;

console.log(
  `${pooled ? 'Every validation panel together, 250 people per model' : `Panels of ${panelSize} people per model from seed ${firstSeed ?? 1}`}; watch ${jitterS} s jitter, ${dropShare * 100} % lost. ` +
    `Share of people whose answer gives >= 90 % of their maximal response.\n`,
);
console.log(`| model | protocol | beats (RR) | ${watches.map((w) => w.label).join(' | ')} |`);
console.log(`|---|---|---|${watches.map(() => '---').join('|')}|`);
for (const model of ['resonator', 'baroreflex-delay'] as const) {
  const panel = pooled ? allPanels(model) : validationPanel(model, panelSize, firstSeed ?? 1);
  for (const protocol of PROTOCOLS) {
    const rr = summarise(panel.map((p) => runOutcome(p, protocol)));
    const hr = watches.map(({ watch }) => summarise(panel.map((p) => runOutcome(p, protocol, { watch }))));
    console.log(`| ${model} | ${protocol} | ${cell(rr)} | ${hr.map(cell).join(' | ')} |`);
  }
}
