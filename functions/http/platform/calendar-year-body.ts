import * as z from 'zod/mini';
import { yearScheduleSchema, type YearSchedule } from '../../../domain/kernel/calendar/year-schedule.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { parsePastedSchedule } from '../../../domain/platform/calendar-paste.js';

export const yearParams = z.object({ year: z.coerce.number().check(z.refine(Number.isInteger, 'must be a year'), z.minimum(2000), z.maximum(2100)) });

/**
 * CAL-2: a year's schedule as the console sends it — the two lists (from the form's date ranges), or the
 * pasted lines (`2027-01-01 休`, `2027-02-07 班`; domain/platform/calendar-paste.ts), not both.
 */
export const calendarYearBody = z.strictObject({
  holidays: z.optional(z.array(z.string())),
  adjustedWorkdays: z.optional(z.array(z.string())),
  text: z.optional(z.string().check(z.maxLength(20_000), z.meta({ description: 'Pasted lines instead of the lists: `YYYY-MM-DD 休`, `YYYY-MM-DD 班`, ranges `YYYY-MM-DD~YYYY-MM-DD 休`' }))),
});

/** The schedule `body` gives for `year`, or a 400 naming each bad field or pasted line (CAL-2). */
export function scheduleFromBody(year: number, body: z.output<typeof calendarYearBody>): YearSchedule {
  const lists = body.holidays !== undefined || body.adjustedWorkdays !== undefined;
  if (body.text !== undefined && lists) {
    throw new ValidationFailed([{ field: 'text', message: 'give the pasted lines or the two lists, not both', rule: 'CAL-2' }]);
  }
  const days = body.text !== undefined ? parsePastedSchedule(body.text) : { holidays: body.holidays, adjustedWorkdays: body.adjustedWorkdays };
  const parsed = yearScheduleSchema.safeParse({ year, holidays: days.holidays, adjustedWorkdays: days.adjustedWorkdays, source: 'loaded' });
  if (!parsed.success) {
    throw new ValidationFailed(
      parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'body', message: issue.message, rule: 'CAL-2' })),
    );
  }
  return parsed.data;
}
