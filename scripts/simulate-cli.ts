import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { MODELS, type ModelName } from '../src/core/physiology/models';
import { TYPICAL_PERSON, type SimulatedPerson } from '../src/core/physiology/person';
import { answerText, noteText, reasonText } from '../src/ui/pacer/reason-text';
import {
  PROTOCOLS,
  simulateProtocol,
  type ProtocolName,
  type SimulationOptions,
} from '../src/core/pacer/simulation';

export const USAGE =
  'usage: npm run simulate -- --resonance <breaths/min> --seed <n> --protocol stepped|sliding|adaptive [--start <breaths/min>] [--model resonator|baroreflex-delay] [--lag [s]] [--depth-jitter [share]] [--sighs [share]] [--skips [share]] [--person FILE.mjs [--person-arg JSON]] [--json]';

export type ParsedArgs =
  | {
      ok: true;
      options: SimulationOptions;
      json: boolean;
      /** A person module to load (`--person`) and the extra argument for its createPerson. */
      personFile: string | null;
      personArg: Record<string, unknown>;
    }
  | { ok: false; error: string };

/** Person flags whose value may be left out (then the panel's typical strength is used). */
type NumericOption = 'lagS' | 'depthJitter' | 'sighRate' | 'skipRate';
const PERSON_FLAGS: Record<string, { key: NumericOption; max: number }> = {
  '--lag': { key: 'lagS', max: 5 },
  '--depth-jitter': { key: 'depthJitter', max: 1 },
  '--sighs': { key: 'sighRate', max: 0.5 },
  '--skips': { key: 'skipRate', max: 0.5 },
};

/** Reads the command line; every mistake gives a message naming the flag, never a crash. */
export function parseSimulateArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const person: { -readonly [K in NumericOption]?: number } = {};
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      json = true;
      continue;
    }
    const flag = PERSON_FLAGS[arg];
    if (flag) {
      const next = argv[i + 1];
      const given = next !== undefined && !next.startsWith('--');
      const value = given ? Number(next) : TYPICAL_PERSON[flag.key];
      if (!Number.isFinite(value) || value < 0 || value > flag.max)
        return { ok: false, error: `${arg} must be a number between 0 and ${flag.max}\n${USAGE}` };
      person[flag.key] = value;
      if (given) i += 1;
      continue;
    }
    if (
      !['--resonance', '--seed', '--protocol', '--start', '--model', '--person', '--person-arg'].includes(arg)
    ) {
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
  const model = values.get('model') ?? 'resonator';
  if (!MODELS.includes(model as ModelName)) {
    return { ok: false, error: `--model must be one of ${MODELS.join(', ')}\n${USAGE}` };
  }
  let personArg: Record<string, unknown> = {};
  const argText = values.get('person-arg');
  if (argText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(argText);
    } catch {
      return { ok: false, error: `--person-arg must be a JSON object\n${USAGE}` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, error: `--person-arg must be a JSON object\n${USAGE}` };
    personArg = parsed as Record<string, unknown>;
  }
  const personFile = values.get('person') ?? null;
  if (personFile === null && argText !== undefined)
    return { ok: false, error: `--person-arg applies only with --person\n${USAGE}` };
  const options: SimulationOptions = {
    protocol: protocol as ProtocolName,
    resonanceBpm: resonance,
    seed,
    model: model as ModelName,
    person,
    ...(start === undefined ? {} : { startBpm: start }),
  };
  return { ok: true, options, json, personFile, personArg };
}

/**
 * Loads a person module: its default export `createPerson({ seed, resonanceBpm, session, ...arg })` must return an
 * object with a numeric `timeS` and `nextBeat(breathing)` giving `{ rrMs, timeS }` (docs/pacer-validation.md).
 */
export async function loadPerson(
  file: string,
  arg: Record<string, unknown>,
  spec: { seed: number; resonanceBpm: number; session: number },
): Promise<SimulatedPerson> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
  if (typeof mod.default !== 'function')
    throw new TypeError(`${file}: the default export must be a function createPerson(options)`);
  const person = (mod.default as (o: Record<string, unknown>) => unknown)({ ...spec, ...arg });
  const p = person as Partial<SimulatedPerson> | null;
  if (typeof p !== 'object' || p === null || typeof p.nextBeat !== 'function' || typeof p.timeS !== 'number')
    throw new TypeError(`${file}: createPerson must return { timeS, nextBeat(breathing) }`);
  return p as SimulatedPerson;
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
    for (const note of r.assessment.notes) lines.push(`  note: ${noteText(note)}`);
    lines.push(`  ${answerText(r.assessment)}`);
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
    if (last) lines.push(`  last change: ${reasonText(last.reason, true)}`);
    lines.push(`final ${out.finalBpm} breaths/min`);
  }
  return `${lines.join('\n')}\n`;
}
