/**
 * When to retry a dropped strap: capped exponential backoff (the usual schedule for reconnecting clients, as in
 * the Web Bluetooth samples' "automatic reconnect" demo): 1 s, then doubling, never more than 30 s apart, and
 * attempts keep coming until at least five minutes have passed since the drop.
 */
export interface ReconnectPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Stop scheduling attempts once this long has passed since the drop, ms. */
  readonly keepTryingMs: number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  keepTryingMs: 5 * 60_000,
};

/** Delay before attempt number `attempt` (1-based), ms. */
export function reconnectDelayMs(
  attempt: number,
  policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY,
): number {
  const doublings = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/**
 * Whether another attempt should be scheduled, `sinceDropMs` after the drop. An attempt is scheduled whenever
 * the five minutes are not yet over, so the last one starts at or after the five-minute mark.
 */
export function shouldKeepTrying(
  sinceDropMs: number,
  policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY,
): boolean {
  return sinceDropMs < policy.keepTryingMs;
}
