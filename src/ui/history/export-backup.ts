import { downloadText } from '../../adapters/storage/files';
import type { History } from '../../state/history.svelte';

/** Save the full backup as a file; false when there was nothing to save (no storage). */
export async function exportBackupFile(history: History): Promise<boolean> {
  const text = await history.backupText();
  if (text === null) return false;
  downloadText(`resonance-backup-${history.today}.json`, text, 'application/json');
  return true;
}
