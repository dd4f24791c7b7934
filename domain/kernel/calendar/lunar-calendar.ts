import { addDays } from './local-date.js';
import type { LocalDate } from './local-date.js';

/**
 * Month lengths of the Chinese lunisolar calendar (农历), lunar years 2000–2100, as published in the widely used
 * table that chinese-days 1.5.7 also ships (src/solar_lunar/constants.ts, MIT). Each entry, in bits:
 * 16 = the leap month has 30 days; 15..4 = months 1..12 have 30 days (else 29); 3..0 = which month is
 * followed by a leap month (0 = none).
 *
 * Copied rather than imported because the package exposes it only through time-zone-dependent functions.
 */
const LUNAR_MONTHS = [
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000–2009
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010–2019
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020–2029
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030–2039
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040–2049
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050–2059
  0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060–2069
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070–2079
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080–2089
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090–2099
  0x0d520, // 2100–2100
] as const;

/** The first and last lunar year {@link lunarDate} can answer for. */
export const LUNAR_FIRST_YEAR = 2000;
export const LUNAR_LAST_YEAR = 2100;

/** 正月初一 of lunar year 2000, from which every later day is counted. */
const FIRST_NEW_YEAR: LocalDate = '2000-02-05';

function monthsOf(lunarYear: number): number {
  const months = LUNAR_MONTHS[lunarYear - LUNAR_FIRST_YEAR];
  if (months === undefined) {
    throw new RangeError(`lunar year ${lunarYear} is outside ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR}`);
  }
  return months;
}

function monthLength(months: number, month: number): number {
  return (months & (0x10000 >> month)) !== 0 ? 30 : 29;
}

function leapMonthOf(months: number): number {
  return months & 0xf;
}

function leapMonthLength(months: number): number {
  if (leapMonthOf(months) === 0) return 0;
  return (months & 0x10000) !== 0 ? 30 : 29;
}

/** Days from 正月初一 to the given day of an ordinary (non-leap) month of the same lunar year. */
function daysIntoYear(months: number, month: number, day: number): number {
  let days = day - 1;
  for (let m = 1; m < month; m += 1) days += monthLength(months, m);
  const leapMonth = leapMonthOf(months);
  if (leapMonth !== 0 && leapMonth < month) days += leapMonthLength(months);
  return days;
}

function yearLength(months: number): number {
  let days = leapMonthLength(months);
  for (let m = 1; m <= 12; m += 1) days += monthLength(months, m);
  return days;
}

/**
 * The Gregorian date of a day in an ordinary month of the lunar calendar, e.g. 正月初一 (1, 1) of lunar year 2027.
 * Used for CAL-2's provisional holidays (春节, 端午, 中秋), which never fall in a leap month.
 *
 * @throws RangeError outside {@link LUNAR_FIRST_YEAR}–{@link LUNAR_LAST_YEAR} or for a day the month lacks.
 * @example
 * lunarDate(2027, 1, 1);  // '2027-02-06' (春节)
 * lunarDate(2027, 8, 15); // '2027-09-15' (中秋)
 */
export function lunarDate(lunarYear: number, month: number, day: number): LocalDate {
  const months = monthsOf(lunarYear);
  const isDayOfMonth =
    Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 &&
    day <= monthLength(months, month);
  if (!isDayOfMonth) {
    throw new RangeError(`lunar year ${lunarYear} has no day ${month}/${day}`);
  }
  let offset = 0;
  for (let year = LUNAR_FIRST_YEAR; year < lunarYear; year += 1) offset += yearLength(monthsOf(year));
  return addDays(FIRST_NEW_YEAR, offset + daysIntoYear(months, month, day));
}
