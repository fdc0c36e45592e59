import { backupJson, makeBackup } from '../../core/export/backup';
import { beatsCsv, heartRateCsv } from '../../core/export/session-text';
import { toBreathColumn } from '../../core/session/breath-column';
import { toColumns } from '../../core/session/columns';
import { toHeartRateColumns } from '../../core/session/heart-rate-columns';
import { downloadText } from '../../adapters/storage/files';
import type { Recording } from '../../state/recording.svelte';

/**
 * The session in memory as a file, when saving it failed: its beats as CSV (with the measured breath when a chest
 * sensor gave one; a watch without RR gives its heart-rate samples instead), or the session as a one-session backup
 * that Restore reads back, samples and breath included. Loaded when first used (a dynamic import from
 * StorageProblem), so the backup format stays out of the first screen's script.
 */
export function downloadFromMemory(
  snap: NonNullable<ReturnType<Recording['snapshot']>>,
  kind: 'csv' | 'json',
): void {
  const { beats, heartRate, breath } = snap;
  if (kind === 'csv') {
    const heartRateOnly = beats.length === 0 && heartRate.length > 0;
    const text = heartRateOnly ? heartRateCsv(heartRate) : beatsCsv(beats, breath);
    downloadText(`resonance-session-${snap.session.id}.csv`, text, 'text/csv');
    return;
  }
  const session = {
    ...snap.session,
    status: 'finished' as const,
    end: snap.session.end ?? ('stopped' as const),
  };
  const entry = {
    session,
    beats: toColumns(beats),
    ...(heartRate.length > 0 ? { heartRate: toHeartRateColumns(heartRate) } : {}),
    ...(breath && beats.length > 0 ? { breath: toBreathColumn(breath) } : {}),
  };
  const backup = makeBackup(Date.now(), [entry], [], []);
  downloadText(`resonance-session-${snap.session.id}.json`, backupJson(backup), 'application/json');
}
