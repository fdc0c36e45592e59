/**
 * "Delete all data" across the app: the running session is stopped and its last write awaited (so nothing is
 * written after the wipe), the storage module wipes everything (src/adapters/storage/wipe.ts), and every state
 * that holds a copy in memory forgets it, so the app is as on a first visit without a reload.
 */
import type { WipeReport } from '../adapters/storage/wipe';

/**
 * How "delete all" went: the wipe's report, or refused because another tab runs a session (its recorder would
 * write again right after the wipe), so the person stops it there first.
 */
export type DeleteAllOutcome = WipeReport | { readonly refused: 'session-elsewhere' };

export interface DeleteAllParts {
  readonly session: { readonly running: boolean; stop(): Promise<void> };
  readonly recording: { settled(): Promise<void>; forget(): void };
  readonly history: { wipe(): Promise<WipeReport> };
  readonly pacer: { forgetAll(): void };
  /** The morning reading: one in progress is cancelled (never saved), a result shown is forgotten. */
  readonly reading: { cancel(): Promise<void>; reset(): void };
  readonly strap: { stop(): Promise<void>; forget(): void };
  readonly shell: { returnToFirstRun(): void };
  /** Another tab or window runs a session now. */
  readonly sessionElsewhere: () => Promise<boolean>;
  /** Tell the other tabs to start over too. */
  readonly announce: () => void;
}

export async function deleteAllData(parts: DeleteAllParts): Promise<DeleteAllOutcome> {
  if (await parts.sessionElsewhere()) return { refused: 'session-elsewhere' };
  if (parts.session.running) await parts.session.stop();
  await parts.reading.cancel();
  await parts.strap.stop();
  await parts.recording.settled();
  const report = await parts.history.wipe();
  parts.recording.forget();
  parts.pacer.forgetAll();
  parts.reading.reset();
  parts.strap.forget();
  parts.shell.returnToFirstRun();
  parts.announce();
  return report;
}
