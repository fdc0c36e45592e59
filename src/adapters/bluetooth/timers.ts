/** The clock and timers the adapter uses, handed in so tests can drive time by hand. */
export interface Timers {
  /** Monotonic milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(handle: number): void;
}

export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

/** Settle with `promise`, or reject with a TimeoutError after `delayMs`. */
export function withTimeout<T>(
  promise: Promise<T>,
  delayMs: number,
  timers: Timers,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(
      () => reject(new DOMException(`${what} timed out after ${delayMs / 1000} s`, 'TimeoutError')),
      delayMs,
    );
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
