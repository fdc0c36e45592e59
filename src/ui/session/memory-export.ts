import { backupJson, makeBackup } from '../../core/export/backup';
import { beatsCsv } from '../../core/export/session-text';
import { toColumns } from '../../core/session/columns';
import { downloadText } from '../../adapters/storage/files';
import type { Recording } from '../../state/recording.svelte';

/**
 * The session in memory as a file, when saving it failed: its beats as CSV, or the session as a one-session backup
 * that Restore reads back. Loaded when first used (a dynamic import from StorageProblem), so the backup format
 * stays out of the first screen's script.
 */
export function downloadFromMemory(
  snap: NonNullable<ReturnType<Recording['snapshot']>>,
  kind: 'csv' | 'json',
): void {
  if (kind === 'csv') {
    downloadText(`resonance-session-${snap.session.id}.csv`, beatsCsv(snap.beats), 'text/csv');
    return;
  }
  const session = {
    ...snap.session,
    status: 'finished' as const,
    end: snap.session.end ?? ('stopped' as const),
  };
  const backup = makeBackup(Date.now(), [{ session, beats: toColumns(snap.beats) }], [], []);
  downloadText(`resonance-session-${snap.session.id}.json`, backupJson(backup), 'application/json');
}
