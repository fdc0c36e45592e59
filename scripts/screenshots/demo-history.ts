/**
 * A few weeks of believable practice as a Resonance backup file, for screenshots of the history screens: sessions
 * on most days, heart rate swinging with a 6/min breath more each week, before and after check-ins, one
 * assessment. Beats are synthetic (a sinusoidal respiratory swing plus seeded noise), summarised by the app's
 * own core, so every figure on screen is one the app computed.
 */
import { backupJson, makeBackup, type BackupSession } from '../../src/core/export/backup.ts';
import { Random } from '../../src/core/random.ts';
import { toColumns } from '../../src/core/session/columns.ts';
import { NORMAL_BEAT, type BeatRecord, type SessionRecord } from '../../src/core/session/record.ts';
import { durationOfBeats, summariseBeats } from '../../src/core/session/summary.ts';

const DAY_MS = 86_400_000;

function beatsOf(random: Random, minutes: number, heartRateBpm: number, swingBpm: number): BeatRecord[] {
  const beats: BeatRecord[] = [];
  const rateBpm = 6;
  let timeMs = 0;
  while (timeMs < minutes * 60_000) {
    const phase = ((timeMs / 60_000) * rateBpm) % 1;
    const hr = heartRateBpm + (swingBpm / 2) * Math.sin(2 * Math.PI * phase) + random.normal() * 0.8;
    const rrMs = Math.round(60_000 / hr);
    timeMs += rrMs;
    beats.push({
      rrMs,
      timeMs,
      afterGap: false,
      artifact: NORMAL_BEAT,
      pacerRateBpm: rateBpm,
      pacerPhase: phase,
    });
  }
  return beats;
}

/** The backup's JSON text, with sessions on days before `nowMs`. */
export function demoBackupText(nowMs: number): string {
  const random = new Random(42);
  const sessions: BackupSession[] = [];
  // Days ago with a session (a few gaps, so the calendar and streak look lived in).
  const days = [20, 19, 17, 16, 15, 13, 12, 10, 9, 8, 6, 5, 4, 3, 2, 1, 0];
  days.forEach((ago, i) => {
    const progress = i / (days.length - 1);
    const minutes = [10, 5, 10, 15, 10][i % 5] ?? 10;
    const beats = beatsOf(random, minutes, 72 - 6 * progress, 6 + 8 * progress);
    const start = new Date(nowMs - ago * DAY_MS);
    start.setHours(7 + (i % 3), 10 + ((i * 17) % 40), 0, 0);
    const before = 7 - Math.round(progress * 2) - (i % 2);
    const session: SessionRecord = {
      id: `demo-${i}`,
      startTimeMs: Math.min(start.getTime(), nowMs - 60 * 60_000),
      sourceKind: 'simulated',
      sourceLabel: 'Simulated heart',
      durationMs: durationOfBeats(beats),
      status: 'finished',
      end: 'stopped',
      summary: summariseBeats(beats),
      checkInBefore: { stress: before, note: '' },
      checkInAfter: {
        stress: Math.max(1, before - 2 - (i % 3)),
        note: i === days.length - 1 ? 'Calmer.' : '',
      },
    };
    sessions.push({ session, beats: toColumns(beats) });
  });
  const assessment = {
    id: 'demo-assessment',
    timeMs: nowMs - 14 * DAY_MS,
    resonanceRateBpm: 5.5,
    candidates: [6.5, 6, 5.5, 5, 4.5].map((rateBpm, k) => ({
      rateBpm,
      score: [0.4, 0.7, 0.9, 0.6, 0.3][k] ?? 0,
    })),
    sessionId: null,
  };
  return backupJson(makeBackup(nowMs, sessions, [assessment], []));
}
