/**
 * `npm run simulate -- --resonance <breaths/min> --seed <n> --protocol stepped|sliding|adaptive [--start <breaths/min>]
 * [--json]`: runs a simulated person through a resonance protocol in fast-forward and prints the rate found
 * (stepped, sliding) or the rate over time and the final rate (adaptive).
 */
import { parseSimulateArgs, formatSimulation } from './simulate-cli';

const parsed = parseSimulateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
process.stdout.write(formatSimulation(parsed.options, parsed.json));
