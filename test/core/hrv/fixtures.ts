/** Loading the reference recordings in test/fixtures/hrv (see the README there). */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { valueOf, type Measure } from '../../../src/core/hrv/measure';

const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'hrv');

/** The reference files analysed without correction. */
export const REFERENCE_FILES = ['nsrdb_5min', 'nk_rest5min', 'polar_h10_dhyb'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Fixture {
  readonly id: string;
  readonly rrMs: number[];
  /** Read a number at a dotted path, failing the test loudly when it is missing. */
  num(path: string): number;
  numbers(path: string): number[];
}

function at(root: Json, path: string): Json {
  let node: Json = root;
  for (const key of path.split('/')) {
    const next: Json | undefined =
      node === null || typeof node !== 'object'
        ? undefined
        : Array.isArray(node)
          ? node[Number(key)]
          : node[key];
    if (next === undefined) throw new Error(`fixture has no ${path}`);
    node = next;
  }
  return node;
}

export function loadFixture(id: string): Fixture {
  const root = JSON.parse(readFileSync(join(FIXTURE_DIR, `${id}.json`), 'utf8')) as Json;
  const numbers = (path: string): number[] => {
    const v = at(root, path);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
      throw new Error(`${path} is not numbers`);
    return v;
  };
  return {
    id,
    rrMs: numbers('rr_ms'),
    num(path) {
      const v = at(root, path);
      if (typeof v !== 'number') throw new Error(`${path} is not a number`);
      return v;
    },
    numbers,
  };
}

/** The value of a measure that must be computable. */
export function must(m: Measure): number {
  const v = valueOf(m);
  if (v === null) throw new Error(`expected a value, got ${JSON.stringify(m)}`);
  return v;
}

/** Relative difference |a - b| / |b|. */
export function relDiff(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** A reference check: the measure's key, the path under the fixture's `reference`, the relative tolerance. */
export type Check = readonly [key: string, path: string, tolerance: number];

/** Time domain against the README tolerances (0.01 %, HTI 0.5 %); SDSD as NeuroKit2, pNN and MeanHR as hrv-analysis. */
export const TIME_DOMAIN_CHECKS: readonly Check[] = [
  ['meanNnMs', 'time_domain/MeanNN_ms/neurokit2', 1e-4],
  ['medianNnMs', 'time_domain/MedianNN_ms/neurokit2', 1e-4],
  ['sdnnMs', 'time_domain/SDNN_ms/neurokit2', 1e-4],
  ['rmssdMs', 'time_domain/RMSSD_ms/neurokit2', 1e-4],
  ['sdsdMs', 'time_domain/SDSD_ms/neurokit2', 1e-4],
  ['pnn50Pct', 'time_domain/pNN50_pct/hrvanalysis', 1e-4],
  ['pnn20Pct', 'time_domain/pNN20_pct/hrvanalysis', 1e-4],
  ['meanHrBpm', 'time_domain/MeanHR_bpm/hrvanalysis', 1e-4],
  ['triangularIndex', 'time_domain/HTI/neurokit2', 5e-3],
];

/** Welch as hrv-analysis (1 %) and Lomb-Scargle ratios (2 %). */
export const WELCH_CHECKS: readonly Check[] = [
  ['vlfMs2', 'frequency_domain/hrvanalysis_welch_default/VLF', 0.01],
  ['lfMs2', 'frequency_domain/hrvanalysis_welch_default/LF', 0.01],
  ['hfMs2', 'frequency_domain/hrvanalysis_welch_default/HF', 0.01],
  ['totalMs2', 'frequency_domain/hrvanalysis_welch_default/TP_VLF_LF_HF', 0.01],
  ['lfHf', 'frequency_domain/hrvanalysis_welch_default/LFHF', 0.01],
  ['lfNu', 'frequency_domain/hrvanalysis_welch_default/LFnu', 0.01],
];
export const LOMB_CHECKS: readonly Check[] = [
  ['lfHf', 'frequency_domain/hrvanalysis_lomb/LFHF', 0.02],
  ['lfNu', 'frequency_domain/hrvanalysis_lomb/LFnu', 0.02],
  ['hfNu', 'frequency_domain/hrvanalysis_lomb/HFnu', 0.02],
];

/** Poincaré (0.01 %), DFA as nolds with overlapping windows (0.5 %), entropy as antropy (0.1 %). */
export const NONLINEAR_CHECKS: readonly Check[] = [
  ['sd1Ms', 'nonlinear/SD1_ms/neurokit2', 1e-4],
  ['sd2Ms', 'nonlinear/SD2_ms/neurokit2', 1e-4],
  ['sd1Sd2', 'nonlinear/SD1_SD2/neurokit2', 1e-4],
  ['dfaAlpha1', 'nonlinear/DFA_alpha1_4_16/nolds', 5e-3],
  ['dfaAlpha2', 'nonlinear/DFA_alpha2_16_64/nolds', 5e-3],
  ['sampleEntropy', 'nonlinear/SampEn_m2_r0.2SD/antropy', 1e-3],
  ['approximateEntropy', 'nonlinear/ApEn_m2_r0.2SD/antropy', 1e-3],
];

/** Hold each measure of `group` named by a check to the fixture's reference value. */
export function holdToReference(f: Fixture, group: object, checks: readonly Check[]): void {
  const measures = new Map<string, unknown>(Object.entries(group));
  for (const [key, path, tolerance] of checks) {
    const m = measures.get(key) as Measure | undefined;
    if (m === undefined) throw new Error(`no measure ${key}`);
    expect(relDiff(must(m), f.num(`reference/${path}`)), path).toBeLessThan(tolerance);
  }
}

/** RR beat by beat from an RR of 1000 ms modulated by a sine of `hz` and `ampMs`, for `seconds`. */
export function sineModulatedRr(hz: number, seconds: number, ampMs = 50): number[] {
  const rr: number[] = [];
  for (let t = 0; t < seconds;) {
    const v = 1000 + ampMs * Math.sin(2 * Math.PI * hz * t);
    rr.push(v);
    t += v / 1000;
  }
  return rr;
}
