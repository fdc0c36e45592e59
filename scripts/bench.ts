/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ and prints one line per figure, `name: value`.
 * A module exports `run(): Promise<Record<string, number>>`. Benchmarks, not timed tests, carry the speed and
 * memory targets: machines here are shared and noisy, so each module repeats its measurement and reports a
 * robust statistic (median or percentile).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Record<string, number>>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
let failed = false;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  try {
    const figures = await mod.run();
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${Number(value.toFixed(3))}`);
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
