/**
 * Everything that can keep a strap from pairing or connecting, as a typed value the screen turns into a message.
 * Chromium reports them as DOMExceptions whose name, and for NotFoundError whose message, tell them apart
 * (Web Bluetooth specification, requestDevice() and connect() algorithms; Chromium's
 * web_bluetooth_error messages).
 */
import { TimeoutError, type TimedWait } from '../timers';

export type BluetoothProblem =
  /** This browser has no Web Bluetooth (Firefox, Safari, Chromium on Linux without the flag). */
  | { readonly kind: 'unsupported' }
  /** Bluetooth is switched off or the computer has no Bluetooth adapter. */
  | { readonly kind: 'unavailable' }
  /** The person closed the device chooser without picking a strap. */
  | { readonly kind: 'cancelled' }
  /** Bluetooth is blocked for this site (site settings, policy, or the OS withheld permission). */
  | { readonly kind: 'denied' }
  /** The chosen device has no Heart Rate service. */
  | { readonly kind: 'no-heart-rate' }
  /** The strap did not answer (out of range, asleep, or connected to another app): the browser's message... */
  | { readonly kind: 'connect-failed'; readonly message: string }
  /** ...or no answer within the connection's time limit. */
  | {
      readonly kind: 'connect-failed';
      readonly timedOut: { readonly waitedFor: TimedWait; readonly afterMs: number };
    }
  | { readonly kind: 'failed'; readonly message: string };

/** An Error carrying a {@link BluetoothProblem}, for promise rejections. */
export class BluetoothProblemError extends Error {
  readonly problem: BluetoothProblem;
  constructor(problem: BluetoothProblem) {
    super('message' in problem ? problem.message : problem.kind);
    this.name = 'BluetoothProblemError';
    this.problem = problem;
  }
}

/** Turn whatever requestDevice(), connect() or a GATT call rejected with into a typed problem. */
export function classifyBluetoothError(error: unknown): BluetoothProblem {
  if (error instanceof BluetoothProblemError) return error.problem;
  if (error instanceof TimeoutError)
    return { kind: 'connect-failed', timedOut: { waitedFor: error.waitedFor, afterMs: error.afterMs } };
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  switch (name) {
    case 'NotFoundError':
      if (/cancel/i.test(message)) return { kind: 'cancelled' };
      if (/adapter|not available/i.test(message)) return { kind: 'unavailable' };
      if (/service/i.test(message)) return { kind: 'no-heart-rate' };
      return { kind: 'cancelled' };
    case 'NotAllowedError':
    case 'SecurityError':
      return { kind: 'denied' };
    case 'NotSupportedError':
      return /low energy|adapter|not available/i.test(message)
        ? { kind: 'unavailable' }
        : { kind: 'failed', message };
    case 'NetworkError':
    case 'TimeoutError':
    case 'AbortError':
      return { kind: 'connect-failed', message };
    default:
      return { kind: 'failed', message };
  }
}
