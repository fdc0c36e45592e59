/**
 * `npm run simulate -- --resonance <breaths/min> --seed <n> --protocol stepped|sliding|adaptive [--start <breaths/min>]
 * [--model resonator|baroreflex-delay] [--lag [s]] [--depth-jitter [share]] [--sighs [share]]
 * [--person FILE.mjs [--person-arg JSON]] [--json]`: runs a simulated person through a resonance protocol in fast-forward and prints the rate found
 * (stepped, sliding) or the rate over time and the final rate (adaptive).
 */
import { formatSimulation, loadPerson, parseSimulateArgs } from './simulate-cli';

const parsed = parseSimulateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
const { options, personFile, personArg } = parsed;
try {
  const subject =
    personFile === null
      ? undefined
      : await loadPerson(personFile, personArg, {
          seed: options.seed,
          resonanceBpm: options.resonanceBpm,
          session: 0,
        });
  process.stdout.write(formatSimulation({ ...options, ...(subject ? { subject } : {}) }, parsed.json));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
