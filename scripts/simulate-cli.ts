import {
  PROTOCOLS,
  simulateProtocol,
  type ProtocolName,
  type SimulationOptions,
} from '../src/core/pacer/simulation';

export const USAGE =
  'usage: npm run simulate -- --resonance <breaths/min> --seed <n> --protocol stepped|sliding|adaptive [--start <breaths/min>] [--json]';

export type ParsedArgs =
  { ok: true; options: SimulationOptions; json: boolean } | { ok: false; error: string };

/** Reads the command line; every mistake gives a message naming the flag, never a crash. */
export function parseSimulateArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!['--resonance', '--seed', '--protocol', '--start'].includes(arg)) {
      return { ok: false, error: `unknown argument ${arg}\n${USAGE}` };
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      return { ok: false, error: `${arg} needs a value\n${USAGE}` };
    values.set(arg.slice(2), value);
    i += 1;
  }
  const protocol = values.get('protocol');
  if (!protocol || !PROTOCOLS.includes(protocol as ProtocolName)) {
    return { ok: false, error: `--protocol must be one of ${PROTOCOLS.join(', ')}\n${USAGE}` };
  }
  const resonance = Number(values.get('resonance'));
  if (!values.has('resonance') || !Number.isFinite(resonance) || resonance < 3 || resonance > 10) {
    return { ok: false, error: `--resonance must be a number of breaths/min between 3 and 10\n${USAGE}` };
  }
  const seed = Number(values.get('seed'));
  if (!values.has('seed') || !Number.isInteger(seed) || seed < 0) {
    return { ok: false, error: `--seed must be a whole number >= 0\n${USAGE}` };
  }
  const startText = values.get('start');
  const start = startText === undefined ? undefined : Number(startText);
  if (start !== undefined && (!Number.isFinite(start) || start < 4 || start > 7)) {
    return { ok: false, error: `--start must be a number of breaths/min between 4 and 7\n${USAGE}` };
  }
  if (start !== undefined && protocol !== 'adaptive') {
    return { ok: false, error: `--start applies only to --protocol adaptive\n${USAGE}` };
  }
  const options: SimulationOptions = {
    protocol: protocol as ProtocolName,
    resonanceBpm: resonance,
    seed,
    ...(start === undefined ? {} : { startBpm: start }),
  };
  return { ok: true, options, json };
}

/** The JSON the issue specifies: {protocol, seed, trueResonanceBpm, foundBpm, finalBpm, rateTrace}. */
export interface SimulateJson {
  protocol: ProtocolName;
  seed: number;
  trueResonanceBpm: number;
  foundBpm: number | null;
  finalBpm: number | null;
  rateTrace: [number, number][];
}

/** Runs the simulation and renders it as JSON or as lines for people. */
export function formatSimulation(options: SimulationOptions, json: boolean): string {
  const r = simulateProtocol(options);
  const out: SimulateJson = {
    protocol: r.protocol,
    seed: r.seed,
    trueResonanceBpm: r.trueResonanceBpm,
    foundBpm: r.foundBpm === null ? null : Math.round(r.foundBpm * 1000) / 1000,
    finalBpm: r.finalBpm === null ? null : Math.round(r.finalBpm * 1000) / 1000,
    rateTrace: r.rateTrace,
  };
  if (json) return `${JSON.stringify(out)}\n`;
  const lines = [`protocol ${r.protocol}, seed ${r.seed}, true resonance ${r.trueResonanceBpm} breaths/min`];
  if (r.assessment) {
    for (const p of r.assessment.points.filter(
      (_, i, all) => r.protocol === 'stepped' || i % 6 === 0 || i === all.length - 1,
    )) {
      const amp = p.amplitudeBpm === null ? '-' : p.amplitudeBpm.toFixed(1);
      const score = p.score === null ? '' : `  score ${p.score.toFixed(3)}`;
      lines.push(`  ${p.rateBpm.toFixed(2)}/min  swing ${amp} bpm${score}`);
    }
    for (const note of r.assessment.notes) lines.push(`  note: ${note}`);
    lines.push(`found ${out.foundBpm ?? 'nothing'} breaths/min`);
  } else {
    let lastMinute = -1;
    for (const [t, rate] of r.rateTrace) {
      if (Math.floor(t / 60) === lastMinute) continue;
      lastMinute = Math.floor(t / 60);
      lines.push(`  ${(t / 60).toFixed(1).padStart(5)} min  ${rate.toFixed(2)}/min`);
    }
    const changes = r.decisions.filter((d) => d.action === 'faster' || d.action === 'slower');
    const last = changes[changes.length - 1];
    if (last) lines.push(`  last change: ${last.reason}`);
    lines.push(`final ${out.finalBpm} breaths/min`);
  }
  return `${lines.join('\n')}\n`;
}
