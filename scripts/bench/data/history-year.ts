/**
 * A year of practice as a backup file, for the history benchmark: 1,000 twenty-minute sessions (~1.5 million
 * beats) with check-ins, built with the app's own core so the file is exactly what the app would export.
 */
import { backupJson, makeBackup, type BackupSession } from '../../../src/core/export/backup';
import { toColumns } from '../../../src/core/session/columns';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';
import { summariseBeats } from '../../../src/core/session/summary';
import { Random } from '../../../src/core/random';

const DAY_MS = 86_400_000;

/** One session's beats: a 6/min breathing wave on the RR interval plus noise, an occasional artifact. */
function sessionBeats(random: Random, durationMs: number, meanRrMs: number): BeatRecord[] {
  const beats: BeatRecord[] = [];
  let t = 0;
  while (t < durationMs) {
    const rrMs =
      Math.round((meanRrMs + 60 * Math.sin((2 * Math.PI * t) / 10_000) + 15 * random.normal()) * 1000) / 1000;
    t += rrMs;
    beats.push({
      rrMs,
      timeMs: Math.round(t * 1000) / 1000,
      afterGap: false,
      artifact: random.next() < 0.002 ? 'ectopic' : NORMAL_BEAT,
      pacerRateBpm: 6,
      pacerPhase: Math.round(((t % 10_000) / 10_000) * 1e4) / 1e4,
    });
  }
  return beats;
}

export function yearOfPractice(
  sessions = 1000,
  endMs = Date.UTC(2026, 10, 1, 7),
): { json: string; beats: number } {
  const random = new Random(20_261_122);
  const list: BackupSession[] = [];
  let beatTotal = 0;
  for (let i = 0; i < sessions; i += 1) {
    // About three sessions a day on some days, none on others: 1,000 sessions over a year.
    const startTimeMs = endMs - Math.floor(((sessions - i) * 365 * DAY_MS) / sessions);
    const beats = sessionBeats(random, 1_200_000, 780 + 80 * random.normal());
    beatTotal += beats.length;
    const stress = 3 + Math.floor(random.next() * 6);
    list.push({
      session: {
        id: `bench-${i}`,
        startTimeMs,
        sourceKind: 'simulated',
        sourceLabel: 'Simulated heart',
        durationMs: beats[beats.length - 1]?.timeMs ?? 0,
        status: 'finished',
        end: 'stopped',
        summary: summariseBeats(beats),
        checkInBefore: { stress, note: '' },
        checkInAfter: { stress: Math.max(1, stress - 2), note: '' },
      },
      beats: toColumns(beats),
    });
  }
  const assessments = Array.from({ length: 12 }, (_, m) => ({
    id: `assessment-${m}`,
    timeMs: endMs - (12 - m) * 30 * DAY_MS,
    resonanceRateBpm: 5.5 + 0.5 * random.next(),
    candidates: [],
    sessionId: null,
  }));
  return { json: backupJson(makeBackup(endMs, list, assessments, [])), beats: beatTotal };
}
