/**
 * What this tab knows of sessions in other tabs and windows of the app: whether one holds the session lock now
 * (the notice, and why Start is refused), and the moment a session another tab was recording ends, even when that
 * tab closed or crashed mid-session: the waiting Web Lock request is granted then (W3C Web Locks API), so this tab
 * finishes ("recovers") that session and reloads the history at once instead of at its next launch.
 */

export interface OtherTabsDeps {
  /** Whether any tab holds the one-session lock (src/adapters/locks/session-lock.ts). */
  sessionLockHeld(): Promise<boolean>;
  /** Whether this tab holds it (runs a session, or has claimed it for the strap's chooser). */
  holdsLockHere(): boolean;
  /** The sessions being recorded now, by any tab (src/adapters/locks/recording-lock.ts). */
  sessionsBeingRecorded(): Promise<string[]>;
  /** The session this tab records, if any. */
  recordingHere(): string | null;
  /** Resolves when no tab records `sessionId` any more; rejects when `signal` aborts. */
  whenRecordingEnds(sessionId: string, signal: AbortSignal): Promise<void>;
  /** A session another tab recorded has ended: finish it if it was left open, and show it. */
  recordingEnded(sessionId: string): Promise<void>;
  /** The lock is free again: the refusal no longer holds. */
  lockFreed(): void;
}

export class OtherTabs {
  #elsewhere = $state(false);
  readonly #deps: OtherTabsDeps;
  readonly #watching = new Set<string>();
  readonly #stop = new AbortController();

  constructor(deps: OtherTabsDeps) {
    this.#deps = deps;
  }

  /** Another tab or window runs a session now. */
  get elsewhere(): boolean {
    return this.#elsewhere;
  }

  /** Look again: at launch, every few seconds, when the tab is shown, and when a watched recording ends. */
  async check(): Promise<void> {
    const held = !this.#deps.holdsLockHere() && (await this.#deps.sessionLockHeld());
    if (this.#stop.signal.aborted) return;
    const was = this.#elsewhere;
    this.#elsewhere = held && !this.#deps.holdsLockHere();
    if (was && !this.#elsewhere) this.#deps.lockFreed();
    const here = this.#deps.recordingHere();
    for (const id of await this.#deps.sessionsBeingRecorded()) {
      if (id !== here && !this.#watching.has(id)) this.#watch(id);
    }
  }

  #watch(sessionId: string): void {
    this.#watching.add(sessionId);
    this.#deps.whenRecordingEnds(sessionId, this.#stop.signal).then(
      async () => {
        this.#watching.delete(sessionId);
        await this.#deps.recordingEnded(sessionId);
        await this.check();
      },
      () => this.#watching.delete(sessionId),
    );
  }

  /** Look again every `intervalMs` and whenever the tab is focused or shown; returns the teardown. */
  follow(intervalMs = 3_000): () => void {
    const check = (): void => void this.check();
    check();
    const timer = setInterval(check, intervalMs);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }

  /** Stop every wait (the app is going away). */
  dispose(): void {
    this.#stop.abort();
  }
}
