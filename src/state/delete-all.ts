/**
 * "Delete all data" across the app: the running session is stopped and its last write awaited (so nothing is
 * written after the wipe), the storage module wipes everything (src/adapters/storage/wipe.ts), and every state
 * that holds a copy in memory forgets it, so the app is as on a first visit without a reload.
 */
import type { WipeReport } from '../adapters/storage/wipe';

export interface DeleteAllParts {
  readonly session: { readonly running: boolean; stop(): Promise<void> };
  readonly recording: { settled(): Promise<void>; forget(): void };
  readonly history: { wipe(): Promise<WipeReport> };
  readonly pacer: { forgetAll(): void };
  readonly strap: { stop(): Promise<void>; forget(): void };
  readonly shell: { returnToFirstRun(): void };
}

export async function deleteAllData(parts: DeleteAllParts): Promise<WipeReport> {
  if (parts.session.running) await parts.session.stop();
  await parts.strap.stop();
  await parts.recording.settled();
  const report = await parts.history.wipe();
  parts.recording.forget();
  parts.pacer.forgetAll();
  parts.strap.forget();
  parts.shell.returnToFirstRun();
  return report;
}
