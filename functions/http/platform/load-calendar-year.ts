import { OPERATOR } from '../../../domain/identity/access.js';
import { yearScheduleSchema } from '../../../domain/kernel/calendar/year-schedule.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { loadCalendarYear as load } from '../../../domain/platform/calendar-year.rules.js';
import { loadedYearSchema } from '../../../domain/platform/calendar-year.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { platformRoot } from './composition-root.js';

const yearParams = z.object({ year: z.coerce.number().check(z.refine(Number.isInteger, 'must be a year'), z.minimum(2000), z.maximum(2100)) });
const loadBody = z.strictObject({ holidays: z.array(z.string()), adjustedWorkdays: z.array(z.string()) });

/**
 * CAL-2: the operator loads a year's holidays and adjusted working days (调休) from the State Council's
 * yearly notice. Deadlines computed provisionally for that year are then recomputed
 * (`platform.calendar.year_loaded`), and the daily reminder stops.
 */
export const loadCalendarYear = defineRoute({
  method: 'PUT',
  path: '/api/v1/platform/calendar/{year}',
  access: OPERATOR,
  summary: "Load a year's public holidays and adjusted working days (CAL-2)",
  tags: ['platform'],
  params: yearParams,
  body: loadBody,
  response: loadedYearSchema,
  async handle(input) {
    const parsed = yearScheduleSchema.safeParse({ year: input.params.year, ...input.body, source: 'loaded' });
    if (!parsed.success) {
      throw new ValidationFailed(
        parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'body', message: issue.message, rule: 'CAL-2' })),
      );
    }
    const { calendarYears, calendar, clock } = platformRoot();
    const current = await calendarYears.get(parsed.data.year);
    const loaded = load(parsed.data, current, callerOf(input, 'operator').userId, clock.now());
    await calendarYears.save(loaded, current?.version);
    calendar.forget();
    return { body: loaded.state };
  },
});
