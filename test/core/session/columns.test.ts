import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../src/core/session/columns';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';

const beat = (i: number, extra: Partial<BeatRecord> = {}): BeatRecord => ({
  rrMs: 800 + i,
  timeMs: 1000 * i,
  afterGap: false,
  artifact: NORMAL_BEAT,
  pacerRateBpm: 6,
  pacerPhase: i / 10,
  ...extra,
});

describe('beat columns', () => {
  it('round-trips beats, keeping gaps and labels sparse', () => {
    const beats = [
      beat(0),
      beat(1, { afterGap: true }),
      beat(2, { artifact: 'missed' }),
      beat(3, { pacerRateBpm: null, pacerPhase: null }),
    ];
    const cols = toColumns(beats);
    expect(cols.gaps).toEqual([1]);
    expect(cols.artifacts).toEqual([[2, 'missed']]);
    expect(fromColumns(cols)).toEqual(beats);
  });
});
