import { isLocalDate } from './local-date.js';

/**
 * An ISO 8601 date-time with seconds optional, a real calendar day, hours 00–23, and `Z` or an explicit
 * offset. Stricter than `Date.parse`, which reads '2024-02-30T10:00Z' as March 1 and '24:00' as the next day.
 */
const INSTANT_SHAPE =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/i;

/**
 * CAL-1: whether `value` is an instant whose Asia/Shanghai day is unambiguous, i.e. an ISO 8601 date-time
 * that states its offset (without one, JavaScript would read it in the server's time zone).
 *
 * @example
 * isInstant('2024-09-27T09:30:00+08:00'); // true
 * isInstant('2024-09-27T09:30:00');       // false — no offset
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT_SHAPE.exec(value);
  return match !== null && isLocalDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/**
 * The ISO 8601 instant (UTC, `Z`) a transition stamps on what it records, from the time it was handed
 * (the domain reads no clock). An invalid Date is a caller's bug, not user input.
 *
 * @example instantOf(new Date('2024-09-27T01:30:00Z')); // '2024-09-27T01:30:00.000Z'
 */
export function instantOf(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  return now.toISOString();
}
