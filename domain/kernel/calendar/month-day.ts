import * as z from 'zod/mini';
import { daysInMonth, localDate } from './local-date.js';
import type { LocalDate } from './local-date.js';

/**
 * A day that recurs every year, such as QUAL-6's June 15 or RPT-1's July 31. Kept apart from a year so that a
 * rule set can state it once for all years.
 */
export interface MonthDay {
  month: number;
  day: number;
}

/**
 * The date a {@link MonthDay} falls on in `year`.
 *
 * @example
 * onDateIn({ month: 6, day: 15 }, 2024); // '2024-06-15'
 */
export function onDateIn(monthDay: MonthDay, year: number): LocalDate {
  return localDate(year, monthDay.month, monthDay.day);
}

/**
 * A month and day that exist in every year: February 29 is refused, since a yearly due date must not
 * vanish three years in four.
 */
export const monthDaySchema = z
  .object({
    month: z.int().check(z.gte(1), z.lte(12)),
    day: z.int().check(z.gte(1), z.lte(31)),
  })
  .check(
    z.refine(
      // 2023 is any non-leap year: the day must exist there too.
      ({ month, day }) => day <= daysInMonth(2023, month),
      { message: 'the day must exist in that month in every year (no February 29)', path: ['day'] },
    ),
  );
