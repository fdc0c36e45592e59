/**
 * On launch: finish the sessions a crash or a closed tab left in `recording`. Each is summarised from the beats
 * that reached storage (at most the last flush interval is missing) and marked finished with end 'recovered'.
 * A heart-rate-only session (samples, no beats: a watch without RR) is summarised from its samples the same way.
 * A session that never stored a beat or a sample is removed: there is nothing in it to review. A session another tab is still
 * recording (it holds the session's Web Lock) is left alone.
 */
import { durationOfBeats, summariseBeats } from '../../core/session/summary';
import { durationOfSamples, summariseHeartRate } from '../../core/hr-only/summary';
import type { SessionRecord } from '../../core/session/record';
import type { StorageResult } from './database';
import { isBeingRecorded } from '../locks/recording-lock';
import type { ResonanceStore } from './store';

export interface Recovered {
  /** Sessions finished from their stored beats. */
  readonly finished: SessionRecord[];
  /** Ids of empty sessions removed. */
  readonly removed: string[];
}

export async function recoverUnfinished(store: ResonanceStore): Promise<StorageResult<Recovered>> {
  const open = await store.unfinishedSessions();
  if (!open.ok) return open;
  const finished: SessionRecord[] = [];
  const removed: string[] = [];
  for (const row of open.value) {
    if (await isBeingRecorded(row.id)) continue; // another tab is recording it right now
    const beats = await store.readBeats(row.id);
    if (!beats.ok) return beats;
    const samples = await store.readHeartRate(row.id);
    if (!samples.ok) return samples;
    if (beats.value.length === 0 && samples.value.length === 0) {
      const deleted = await store.deleteSession(row.id);
      if (!deleted.ok) return deleted;
      removed.push(row.id);
      continue;
    }
    const current = await store.getSession(row.id);
    if (!current.ok) return current;
    const heartRateOnly = beats.value.length === 0;
    const record: SessionRecord = {
      ...row,
      checkInBefore: current.value?.checkInBefore ?? null,
      checkInAfter: current.value?.checkInAfter ?? null,
      status: 'finished',
      end: 'recovered',
      signal: heartRateOnly ? 'heart-rate' : 'rr',
      durationMs: heartRateOnly ? durationOfSamples(samples.value) : durationOfBeats(beats.value),
      summary: heartRateOnly
        ? summariseHeartRate(samples.value)
        : {
            ...summariseBeats(beats.value),
            ...(samples.value.length > 0 ? { heartRateSamples: samples.value.length } : {}),
          },
    };
    const written = await store.putSession(record);
    if (!written.ok) return written;
    finished.push(record);
  }
  return { ok: true, value: { finished, removed } };
}
