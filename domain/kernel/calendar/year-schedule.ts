import * as z from 'zod/mini';
import { dayOfWeek, isLocalDate, yearOf } from './local-date.js';
import type { LocalDate } from './local-date.js';

/**
 * CAL-1, CAL-2: one year of the State Council's holiday notice — the rest days (法定节假日 and the days taken off
 * in exchange) and the weekend days made working days (调休上班). Any other day is a working day on Monday to
 * Friday and a rest day at the weekend.
 *
 * `source` tells a shipped table ('builtin', from the chinese-days package) from a year the platform operator
 * loaded as data ('loaded').
 */
export interface YearSchedule {
  year: number;
  holidays: LocalDate[];
  adjustedWorkdays: LocalDate[];
  source: 'builtin' | 'loaded';
}

const datesSchema = z.array(z.string().check(z.refine(isLocalDate, 'must be a calendar date written YYYY-MM-DD')));

/**
 * CAL-2: a year's schedule as the platform operator loads it. Beyond the shape it refuses what would silently
 * corrupt deadlines: a date outside the stated year, a date both holiday and working day, and an adjusted
 * working day on Monday to Friday (those are working days anyway, so such an entry means the two lists were
 * swapped or mistyped). `source` defaults to 'loaded'.
 *
 * @example
 * yearScheduleSchema.parse({ year: 2027, holidays: ['2027-01-01'], adjustedWorkdays: [] });
 */
export const yearScheduleSchema = z
  .object({
    year: z.int().check(z.gte(1000), z.lte(9999)),
    holidays: datesSchema,
    adjustedWorkdays: datesSchema,
    source: z._default(z.enum(['builtin', 'loaded']), 'loaded'),
  })
  .check(
    z.superRefine((schedule, ctx) => {
      const lists = [
        ['holidays', schedule.holidays],
        ['adjustedWorkdays', schedule.adjustedWorkdays],
      ] as const;
      for (const [field, dates] of lists) {
        dates.forEach((date, index) => {
          if (isLocalDate(date) && yearOf(date) !== schedule.year) {
            ctx.issues.push({
              code: 'custom',
              message: `CAL-2: ${date} is not in ${schedule.year}`,
              path: [field, index],
              input: date,
            });
          }
        });
      }
      const holidays = new Set(schedule.holidays);
      schedule.adjustedWorkdays.forEach((date, index) => {
        if (holidays.has(date)) {
          ctx.issues.push({
            code: 'custom',
            message: `CAL-2: ${date} cannot be both a holiday and an adjusted working day`,
            path: ['adjustedWorkdays', index],
            input: date,
          });
        } else if (isLocalDate(date) && dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) {
          ctx.issues.push({
            code: 'custom',
            message: `CAL-2: ${date} is a weekday, so it cannot be an adjusted working day`,
            path: ['adjustedWorkdays', index],
            input: date,
          });
        }
      });
    }),
  );
