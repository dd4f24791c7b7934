import * as z from 'zod/mini';

/**
 * CAL-1: a calendar day in Asia/Shanghai, written `YYYY-MM-DD`. A string rather than a `Date` because a `Date` is
 * an instant, and every local-time method on it (getDate, setDate, …) answers in the server's time zone:
 * a Lambda in UTC and a laptop in Los Angeles would disagree about which day a deadline falls on.
 *
 * Everything in this module is integer arithmetic on year, month and day; no `Date` is ever read in local time.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai has been UTC+8 all year since 1991, with no daylight saving. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO 8601 date-time that states its offset; without one, `Date.parse` would read it in the server's zone. */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parts(date: LocalDate): YearMonthDay {
  const match = LOCAL_DATE_SHAPE.exec(date);
  if (match !== null) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
}

function format({ year, month, day }: YearMonthDay): LocalDate {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} cannot be written as YYYY`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil), exact for any Gregorian date. */
function dayNumber({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of {@link dayNumber} (civil_from_days). */
function fromDayNumber(days: number): YearMonthDay {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${String(n)}`);
}

/**
 * Whether `value` is a real calendar day written `YYYY-MM-DD` (so '2025-02-29' is not).
 *
 * @example
 * isLocalDate('2024-02-29'); // true
 * isLocalDate('2024-2-9');   // false
 */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The date from its parts.
 *
 * @throws RangeError when the parts are not a calendar day.
 * @example
 * localDate(2024, 9, 27); // '2024-09-27'
 */
export function localDate(year: number, month: number, day: number): LocalDate {
  const date = format({ year, month, day });
  parts(date);
  return date;
}

/** The year of a date, e.g. to find the {@link YearSchedule} that decides it. */
export function yearOf(date: LocalDate): number {
  return parts(date).year;
}

/** The month (1..12) of a date. */
export function monthOf(date: LocalDate): number {
  return parts(date).month;
}

/**
 * The date `n` calendar days after `date` (before it when `n` is negative).
 *
 * @example
 * addDays('2024-02-28', 2); // '2024-03-01'
 */
export function addDays(date: LocalDate, n: number): LocalDate {
  requireInteger(n, 'days');
  return format(fromDayNumber(dayNumber(parts(date)) + n));
}

/**
 * The date `n` months after `date`; when that month is too short the period ends on its last day
 * (Civil Code art. 202: 没有对应日的，月末日为期间的最后一日). Used for periods such as SVC-2's 3 months.
 *
 * @example
 * addMonths('2024-11-30', 3); // '2025-02-28'
 */
export function addMonths(date: LocalDate, n: number): LocalDate {
  requireInteger(n, 'months');
  const { year, month, day } = parts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/**
 * The day of the week, 0 = Sunday … 6 = Saturday, like `Date.prototype.getUTCDay`.
 *
 * @example
 * dayOfWeek('2024-10-12'); // 6 (a Saturday — though an adjusted working day)
 */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps earlier days in 0..6 (and never -0).
  return (((dayNumber(parts(date)) + 4) % 7) + 7) % 7;
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when equal, positive when later — fit for `Array.sort`.
 *
 * @example
 * ['2024-10-08', '2024-09-27'].sort(compareLocalDates); // ['2024-09-27', '2024-10-08']
 */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(dayNumber(parts(a)) - dayNumber(parts(b)));
}

/**
 * Calendar days from `from` to `to`: positive when `to` is later. SVC-11 uses it for "days left in the year".
 *
 * @example
 * daysBetween('2024-09-27', '2024-10-12'); // 15
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(parts(to)) - dayNumber(parts(from));
}

/**
 * CAL-1: the Asia/Shanghai calendar day of an instant. Computed as UTC + 8 hours, so the server's time zone
 * never matters. A string must be ISO 8601 with `Z` or an explicit offset: without one, JavaScript would read
 * it in the server's zone, which is exactly the ambiguity this module exists to remove.
 *
 * @throws RangeError for an invalid `Date` or a string without an offset.
 * @example
 * shanghaiDateOf('2024-09-30T16:00:00Z'); // '2024-10-01' (midnight in Xinzhou)
 */
export function shanghaiDateOf(instant: Date | string): LocalDate {
  let epochMs: number;
  if (typeof instant === 'string') {
    if (!INSTANT_SHAPE.test(instant)) {
      throw new RangeError(`not an ISO 8601 instant with Z or an offset: ${JSON.stringify(instant)}`);
    }
    epochMs = Date.parse(instant);
  } else {
    epochMs = instant.getTime();
  }
  if (Number.isNaN(epochMs)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return format(fromDayNumber(Math.floor((epochMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY)));
}

/** CAL-1: a `YYYY-MM-DD` field that must be a real calendar day. */
export const localDateSchema = z.string().check(
  z.refine(isLocalDate, 'CAL-1: must be a calendar date written YYYY-MM-DD'),
);

/**
 * CAL-1: an instant as Xinzhou's wall clock, `YYYY-MM-DD HH:mm`, for Chinese text a person reads (never for keys).
 *
 * @example
 * shanghaiMinuteOf('2026-12-06T20:07:27.865Z'); // '2026-12-07 04:07'
 */
export function shanghaiMinuteOf(instant: Date | string): string {
  const day = shanghaiDateOf(instant);
  const epochMs = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const minutes = Math.floor((((epochMs + SHANGHAI_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY / 60_000);
  return `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
