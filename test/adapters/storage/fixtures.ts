/** Test data shared by the storage tests: sessions and beats built from seeded, known values. */
import { sampleSession } from '../../core/export/beats';
import {
  NORMAL_BEAT,
  type BeatRecord,
  type HeartRateRecord,
  type SessionRecord,
} from '../../../src/core/session/record';

let counter = 0;

/** A database name no other test uses, so tests never see each other's data. */
export function uniqueDbName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** `count` beats of 800..899 ms with a label on every 50th and a gap at 100. */
export function makeBeats(count: number, startTimeMs = 0): BeatRecord[] {
  const beats: BeatRecord[] = [];
  let t = startTimeMs;
  for (let i = 0; i < count; i += 1) {
    const rrMs = 800 + ((i * 37) % 100);
    t += rrMs;
    beats.push({
      rrMs,
      timeMs: t,
      afterGap: i === 100,
      artifact: i % 50 === 49 ? 'ectopic' : NORMAL_BEAT,
      pacerRateBpm: 6 + (i % 3) * 0.5,
      pacerPhase: (i % 10) / 10,
    });
  }
  return beats;
}

/**
 * `count` heart-rate samples a second apart (with arrival jitter of 0-0.3 s) swinging 60-76 bpm with a 10 s pacer
 * breath, a gap marked at 100.
 */
export function makeHeartRateSamples(count: number): HeartRateRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    heartRateBpm: Math.round(68 + 8 * Math.sin((2 * Math.PI * i) / 10)),
    timeMs: i * 1000 + ((i * 137) % 300),
    afterGap: i === 100,
    pacerRateBpm: 6,
    pacerPhase: (i % 10) / 10 + ((i * 137) % 300) / 10_000,
  }));
}

export function makeSession(
  id: string,
  startTimeMs: number,
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    ...sampleSession(id, [], startTimeMs),
    durationMs: 1_200_000,
    summary: {
      beatCount: 1500,
      artifactCount: 3,
      meanHeartRateBpm: 64,
      rmssdMs: 42,
      coherence: 0.6,
      breathingRateBpm: 6,
    },
    checkInBefore: { stress: 7, note: 'busy day' },
    checkInAfter: { stress: 4, note: '' },
    ...overrides,
  };
}
