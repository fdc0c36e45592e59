/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ and prints one line per figure, `name: value`.
 * A module exports `run(): Promise<Record<string, number>>` and, for the figures that have one, `targets`: the
 * most each figure may be. A figure over its target is printed `name: value OVER TARGET <target>` and listed again
 * at the end, so a failing figure cannot pass unseen among the others. Exit status: 1 if a module threw (its error
 * is printed and the other modules still run), else 2 if a figure is over its target, else 0. Benchmarks, not timed tests, carry the speed and memory targets: machines here are
 * shared and noisy, so each module repeats its measurement and reports a robust statistic (median or percentile).
 * `npm run bench <name>...` runs only the modules whose file name contains one of the names.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Record<string, number>>;
  targets?: Readonly<Record<string, number>>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
let failed = false;
const over: string[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  try {
    const figures = await mod.run();
    for (const [name, value] of Object.entries(figures)) {
      const shown = `${name}: ${Number(value.toFixed(3))}`;
      const target = mod.targets?.[name];
      // NaN (nothing measured) fails its target too.
      if (target !== undefined && !(value <= target)) {
        over.push(`${shown} (target ${target})`);
        console.log(`${shown} OVER TARGET ${target}`);
      } else console.log(shown);
    }
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (over.length > 0) console.error(`Over target (${over.length}):\n  ${over.join('\n  ')}`);
process.exit(failed ? 1 : over.length > 0 ? 2 : 0);
