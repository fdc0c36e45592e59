/**
 * The report as plain JSON with the field names of `npm run analyze -- --json` (documented in docs/analyze.md).
 * A value that cannot be computed is null.
 */
import type { HrvReport } from './analysis';
import type { BandMeasures } from './frequency-domain';
import { valueOf, type Measure } from './measure';

type Values<T> = { [K in keyof T]: number | null };

const WELCH_KEYS = [
  'vlfMs2',
  'lfMs2',
  'hfMs2',
  'totalMs2',
  'lfHf',
  'lfNu',
  'hfNu',
  'lfPeakHz',
  'hfPeakHz',
] as const;
const LOMB_KEYS = ['lfHf', 'lfNu', 'hfNu', 'lfPeakHz', 'hfPeakHz'] as const;

export interface HrvReportJson {
  readonly beats: number;
  readonly durationS: number;
  readonly artifacts: {
    readonly count: number;
    readonly percent: number;
    readonly indices: readonly number[];
  };
  readonly timeDomain: Values<HrvReport['timeDomain']>;
  readonly frequencyDomain: {
    readonly welch: Values<Pick<BandMeasures, (typeof WELCH_KEYS)[number]>>;
    readonly lomb: Values<Pick<BandMeasures, (typeof LOMB_KEYS)[number]>>;
  };
  readonly nonlinear: Values<HrvReport['nonlinear']>;
  readonly coherence: Values<HrvReport['coherence']>;
  readonly respirationRateBpm: number | null;
}

/** The named measures of a group as numbers or null. */
function pick<K extends string, T extends { readonly [P in K]: Measure }>(
  group: T,
  keys: readonly K[],
): { [P in K]: number | null } {
  const out: Partial<Record<K, number | null>> = {};
  for (const k of keys) out[k] = valueOf(group[k]);
  return out as { [P in K]: number | null };
}

export function reportToJson(report: HrvReport): HrvReportJson {
  const td = report.timeDomain;
  const nl = report.nonlinear;
  return {
    beats: report.beats,
    durationS: report.durationS,
    artifacts: {
      count: report.artifacts.count,
      percent: report.artifacts.percent,
      indices: [...report.artifacts.indices],
    },
    timeDomain: pick(td, [
      'meanNnMs',
      'medianNnMs',
      'sdnnMs',
      'rmssdMs',
      'sdsdMs',
      'pnn50Pct',
      'pnn20Pct',
      'meanHrBpm',
      'minHrBpm',
      'maxHrBpm',
      'triangularIndex',
      'stressIndex',
    ]),
    frequencyDomain: {
      welch: pick(report.frequencyDomain.welch, WELCH_KEYS),
      lomb: pick(report.frequencyDomain.lomb, LOMB_KEYS),
    },
    nonlinear: pick(nl, [
      'sd1Ms',
      'sd2Ms',
      'sd1Sd2',
      'dfaAlpha1',
      'dfaAlpha2',
      'sampleEntropy',
      'approximateEntropy',
    ]),
    coherence: pick(report.coherence, ['ratio', 'peakHz', 'score']),
    respirationRateBpm: report.respiration.status === 'ok' ? report.respiration.rateBpm : null,
  };
}
