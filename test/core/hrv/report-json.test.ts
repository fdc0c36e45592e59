import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../../src/core/hrv/analysis';
import { valueOf } from '../../../src/core/hrv/measure';
import { reportToJson } from '../../../src/core/hrv/report-json';
import { loadFixture } from './fixtures';

describe('the JSON report', () => {
  it('uses exactly the documented field names', () => {
    const json = reportToJson(analyzeRecording(loadFixture('nsrdb_5min').rrMs));
    expect(Object.keys(json)).toEqual(
      'beats durationS artifacts timeDomain frequencyDomain nonlinear coherence respirationRateBpm'.split(
        ' ',
      ),
    );
    expect(Object.keys(json.artifacts)).toEqual('count percent indices'.split(' '));
    expect(Object.keys(json.timeDomain)).toEqual(
      'meanNnMs medianNnMs sdnnMs rmssdMs sdsdMs pnn50Pct pnn20Pct meanHrBpm minHrBpm maxHrBpm triangularIndex stressIndex'.split(
        ' ',
      ),
    );
    expect(Object.keys(json.frequencyDomain.welch)).toEqual(
      'vlfMs2 lfMs2 hfMs2 totalMs2 lfHf lfNu hfNu lfPeakHz hfPeakHz'.split(' '),
    );
    expect(Object.keys(json.frequencyDomain.lomb)).toEqual('lfHf lfNu hfNu lfPeakHz hfPeakHz'.split(' '));
    expect(Object.keys(json.nonlinear)).toEqual(
      'sd1Ms sd2Ms sd1Sd2 dfaAlpha1 dfaAlpha2 sampleEntropy approximateEntropy'.split(' '),
    );
    expect(Object.keys(json.coherence)).toEqual('ratio peakHz score'.split(' '));
  });

  it('carries the engine values, and null where they cannot be computed', () => {
    const report = analyzeRecording([800, 810, 790, 805]);
    const json = reportToJson(report);
    expect(json.timeDomain.rmssdMs).toBe(valueOf(report.timeDomain.rmssdMs));
    expect(json.timeDomain.rmssdMs).not.toBeNull();
    expect(json.frequencyDomain.welch.lfMs2).toBeNull();
    expect(json.nonlinear.dfaAlpha2).toBeNull();
    expect(json.coherence.ratio).toBeNull();
    expect(JSON.stringify(json)).not.toContain('NaN');
  });
});
