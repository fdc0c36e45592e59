import { describe, expect, it } from 'vitest';
import { assessmentRecord } from '../../../src/core/history/assessments';
import type { StoredAssessment } from '../../../src/core/pacer/assessment/result';

const result: StoredAssessment = {
  protocol: 'stepped',
  foundBpm: 5.5,
  edge: null,
  partial: false,
  points: [
    { rateBpm: 6.5, amplitudeBpm: 8, score: 0.4 },
    { rateBpm: 5.5, amplitudeBpm: 14, score: 0.9 },
    { rateBpm: 4.5, amplitudeBpm: null, score: null },
  ],
  notes: [],
  dateIso: '2026-11-22T07:40:00.000Z',
};

describe('assessment records', () => {
  it('keep the found rate, the time and each measured rate’s amplitude', () => {
    expect(assessmentRecord(result)).toEqual({
      id: 'assessment-2026-11-22T07:40:00.000Z',
      timeMs: Date.UTC(2026, 10, 22, 7, 40),
      resonanceRateBpm: 5.5,
      candidates: [
        { rateBpm: 6.5, score: 8 },
        { rateBpm: 5.5, score: 14 },
      ],
      sessionId: null,
    });
  });

  it('keep the session they were measured in and the mark of an answer from heart rate only', () => {
    const record = assessmentRecord({ ...result, signal: 'heart-rate' }, 's-1');
    expect(record).toMatchObject({ sessionId: 's-1', signal: 'heart-rate' });
    expect(assessmentRecord(result, 's-1')).not.toHaveProperty('signal');
  });

  it('are not made from an assessment that found no rate', () => {
    expect(assessmentRecord({ ...result, foundBpm: null })).toBeNull();
  });
});
