import { describe, expect, it } from 'vitest';
import { parseStoredAssessment } from '../../../../src/core/pacer/assessment/result';

const stored = {
  protocol: 'stepped',
  foundBpm: 5.5,
  edge: null,
  partial: false,
  points: [
    { rateBpm: 6.5, amplitudeBpm: 9.1, score: 0.8 },
    { rateBpm: 5.5, amplitudeBpm: 11.4, score: 1 },
  ],
  notes: [{ kind: 'no-answer' }],
  dateIso: '2026-11-30T07:00:00.000Z',
};
const text = (changes: Record<string, unknown>) => JSON.stringify({ ...stored, ...changes });

describe('parseStoredAssessment', () => {
  it('reads back what was stored', () => {
    expect(parseStoredAssessment(JSON.stringify(stored))).toEqual(stored);
  });

  it('reads an older result: text notes, no edge, partial or signal', () => {
    const older = { ...stored, notes: ['Breathe slower next time', { kind: 'from-the-future' }] } as Record<
      string,
      unknown
    >;
    delete older['edge'];
    delete older['partial'];
    expect(parseStoredAssessment(JSON.stringify(older))).toEqual({
      ...stored,
      notes: [{ kind: 'text', text: 'Breathe slower next time' }],
    });
  });

  it('keeps the heart-rate-only mark', () => {
    expect(parseStoredAssessment(text({ signal: 'heart-rate' }))?.signal).toBe('heart-rate');
  });

  it('gives null for anything malformed', () => {
    expect(parseStoredAssessment(null)).toBeNull();
    expect(parseStoredAssessment('{ nope')).toBeNull();
    expect(parseStoredAssessment('[]')).toBeNull();
    expect(parseStoredAssessment(text({ protocol: 'guess' }))).toBeNull();
    expect(parseStoredAssessment(text({ dateIso: 'yesterday' }))).toBeNull();
    expect(parseStoredAssessment(text({ foundBpm: 12 }))).toBeNull();
    expect(parseStoredAssessment(text({ points: [{ rateBpm: '6' }] }))).toBeNull();
  });
});
