/**
 * Keeps the screen on during a session with the Screen Wake Lock API (W3C Screen Wake Lock). The browser releases
 * the lock whenever the page is hidden, so while a session wants it the lock is requested again on every
 * `visibilitychange` to visible.
 */
export type WakeLockState = 'off' | 'held' | 'unsupported' | 'denied';

/** The parts of `navigator` and `document` the lock uses, so tests can hand in fakes. */
export interface WakeLockHost {
  readonly wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> };
  readonly document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

export function browserWakeLockHost(): WakeLockHost {
  return { wakeLock: 'wakeLock' in navigator ? navigator.wakeLock : undefined, document };
}

export class ScreenWakeLock {
  readonly #host: WakeLockHost;
  #sentinel: WakeLockSentinel | null = null;
  #wanted = false;
  #state: WakeLockState = 'off';
  readonly #onVisibility = (): void => {
    if (this.#wanted && this.#host.document.visibilityState === 'visible') void this.#request();
  };

  constructor(host: WakeLockHost) {
    this.#host = host;
  }

  get state(): WakeLockState {
    return this.#state;
  }

  /** Asks for the lock now and again each time the page becomes visible, until {@link release}. */
  async acquire(): Promise<WakeLockState> {
    if (!this.#wanted) {
      this.#wanted = true;
      this.#host.document.addEventListener('visibilitychange', this.#onVisibility);
    }
    return this.#request();
  }

  async release(): Promise<void> {
    this.#wanted = false;
    this.#host.document.removeEventListener('visibilitychange', this.#onVisibility);
    const sentinel = this.#sentinel;
    this.#sentinel = null;
    this.#state = 'off';
    if (sentinel && !sentinel.released) await sentinel.release();
  }

  async #request(): Promise<WakeLockState> {
    if (!this.#host.wakeLock) return (this.#state = 'unsupported');
    if (this.#sentinel && !this.#sentinel.released) return this.#state;
    try {
      const sentinel = await this.#host.wakeLock.request('screen');
      if (!this.#wanted) {
        await sentinel.release();
        return this.#state;
      }
      this.#sentinel = sentinel;
      return (this.#state = 'held');
    } catch {
      // Refused (battery saver, page hidden at the moment of asking): try again at the next visibility change.
      this.#sentinel = null;
      return (this.#state = 'denied');
    }
  }
}
