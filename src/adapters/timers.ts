/**
 * The one clock and timer interface of the adapters and the state, handed in so tests can drive time by hand.
 * Each user takes the part it needs: {@link Timeouts} (the Bluetooth link's time limits and reconnection), or
 * {@link Intervals} (the recorder's flushes, the cue loop), or just `now`. Function-valued fields, so a part can be
 * handed on by itself (`browserTimers.now`).
 */
export interface Timers {
  /** Monotonic milliseconds (performance.now() in the page). */
  readonly now: () => number;
  readonly setTimeout: (callback: () => void, delayMs: number) => number;
  readonly clearTimeout: (handle: number) => void;
  readonly setInterval: (callback: () => void, everyMs: number) => number;
  readonly clearInterval: (handle: number) => void;
}

/** A clock with one-off timers. */
export type Timeouts = Pick<Timers, 'now' | 'setTimeout' | 'clearTimeout'>;
/** Repeating timers. */
export type Intervals = Pick<Timers, 'setInterval' | 'clearInterval'>;

/** The browser's clock and timers. */
export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimeout: (handle) => window.clearTimeout(handle),
  setInterval: (callback, everyMs) => window.setInterval(callback, everyMs),
  clearInterval: (handle) => window.clearInterval(handle),
};

/** What was waited for when a time limit ran out: the strap connecting, answering a command, letting go. */
export type TimedWait = 'connect' | 'command-answer' | 'accelerometer-stop' | 'unsubscribe';

/** A time limit ran out: typed, so the screens can word it (ui/bluetooth/messages.ts). */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly waitedFor: TimedWait;
  readonly afterMs: number;
  constructor(waitedFor: TimedWait, afterMs: number) {
    super(`${waitedFor}: no answer within ${afterMs} ms`);
    this.waitedFor = waitedFor;
    this.afterMs = afterMs;
  }
}

/** Settle with `promise`, or reject with a {@link TimeoutError} after `delayMs`. */
export function withTimeout<T>(
  promise: Promise<T>,
  delayMs: number,
  timers: Timeouts,
  waitedFor: TimedWait,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new TimeoutError(waitedFor, delayMs)), delayMs);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
