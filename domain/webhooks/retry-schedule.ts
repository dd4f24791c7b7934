/**
 * Issue 17: the published retry schedule of a webhook message (Standard Webhooks' recommendation): the first
 * attempt at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over about 28 hours.
 * Each wait has ±10 % jitter so an endpoint that comes back is not hit by every retry at the same instant.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;
/** An endpoint failing every attempt for this long is disabled, and its owner told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;
/** After a rotation the previous secret still signs (a second signature) for this long. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/**
 * When the attempt after `attemptsMade` failed ones is due, or undefined when the message is spent (dead letter).
 * `random` is in [0, 1): injected, so tests are exact.
 */
export function nextAttemptAt(attemptsMade: number, now: Date, random: number): Date | undefined {
  const delay = RETRY_DELAYS_MS[attemptsMade];
  if (delay === undefined) return undefined;
  const jitter = delay * 0.1 * (2 * random - 1);
  return new Date(now.getTime() + Math.round(delay + jitter));
}
