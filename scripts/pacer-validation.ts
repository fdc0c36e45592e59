/**
 * `npx tsx scripts/pacer-validation.ts [firstSeed] [seeds]`: the numbers behind docs/pacer-validation.md. Runs the
 * stepped, sliding and adaptive protocols on simulated people with resonance 4.5-6.5 breaths/min (seeds 101-110 by
 * default, the seeds test/core/pacer/validation.test.ts uses) and prints Markdown tables.
 */
import { simulateProtocol } from '../src/core/pacer/simulation';

const firstSeed = Number(process.argv[2] ?? 101);
const count = Number(process.argv[3] ?? 10);
const seeds = Array.from({ length: count }, (_, i) => firstSeed + i);
const resonances = [4.5, 5.0, 5.5, 6.0, 6.5];
const pct = (n: number, d: number) => `${n}/${d} (${Math.round((100 * n) / d)} %)`;

console.log(`Seeds ${seeds[0]}-${seeds.at(-1)}, 1 % ectopic beats.\n`);
console.log(
  '| resonance | stepped right step | sliding within 0.3 | sliding mean error | adaptive within 0.3 by 10 min and after | adaptive reach time median / max | adaptive worst error after 10 min | rate spread, last 5 min |',
);
console.log('|---|---|---|---|---|---|---|---|');
const totals = { stepped: 0, sliding: 0, adaptive: 0, n: 0 };
for (const res of resonances) {
  let stepped = 0;
  let sliding = 0;
  let slidingErr = 0;
  let adaptive = 0;
  const reach: number[] = [];
  let worstAfter = 0;
  let worstSpread = 0;
  for (const seed of seeds) {
    const s = simulateProtocol({ protocol: 'stepped', resonanceBpm: res, seed });
    if (s.foundBpm !== null && Math.abs(s.foundBpm - res) < 1e-9) stepped += 1;
    const l = simulateProtocol({ protocol: 'sliding', resonanceBpm: res, seed });
    if (l.foundBpm !== null && Math.abs(l.foundBpm - res) <= 0.3) sliding += 1;
    slidingErr += (l.foundBpm ?? NaN) - res;
    const up = res + 1 <= 7 && (seed % 2 === 0 || res - 1 < 4);
    const a = simulateProtocol({
      protocol: 'adaptive',
      resonanceBpm: res,
      seed,
      startBpm: up ? res + 1 : res - 1,
      durationS: 1200,
    });
    const hit = a.rateTrace.find(([, r]) => Math.abs(r - res) <= 0.3);
    const after = a.rateTrace
      .filter(([t]) => hit !== undefined && t >= hit[0])
      .map(([, r]) => Math.abs(r - res));
    const worst = Math.max(...after);
    const late = Math.max(...a.rateTrace.filter(([t]) => t >= 600).map(([, r]) => Math.abs(r - res)));
    const last = a.rateTrace.filter(([t]) => t >= 900).map(([, r]) => r);
    worstSpread = Math.max(worstSpread, Math.max(...last) - Math.min(...last));
    if (hit && hit[0] <= 600 && worst <= 0.3) adaptive += 1;
    if (hit) reach.push(hit[0] / 60);
    worstAfter = Math.max(worstAfter, late);
  }
  reach.sort((x, y) => x - y);
  const median = reach[Math.floor(reach.length / 2)] ?? NaN;
  console.log(
    `| ${res.toFixed(1)} | ${pct(stepped, seeds.length)} | ${pct(sliding, seeds.length)} | ${(slidingErr / seeds.length).toFixed(2)} | ${pct(adaptive, seeds.length)} | ${median.toFixed(1)} / ${(reach.at(-1) ?? NaN).toFixed(1)} min | ${worstAfter.toFixed(2)} | ${worstSpread.toFixed(2)} |`,
  );
  totals.stepped += stepped;
  totals.sliding += sliding;
  totals.adaptive += adaptive;
  totals.n += seeds.length;
}
console.log(
  `| all | ${pct(totals.stepped, totals.n)} | ${pct(totals.sliding, totals.n)} | | ${pct(totals.adaptive, totals.n)} | | | |`,
);
