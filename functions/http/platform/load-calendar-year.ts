import { OPERATOR } from '../../../domain/identity/access.js';
import { loadCalendarYear as load } from '../../../domain/platform/calendar-year.rules.js';
import { loadedYearSchema } from '../../../domain/platform/calendar-year.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { calendarYearBody, scheduleFromBody, yearParams } from './calendar-year-body.js';
import { platformRoot } from './composition-root.js';

/**
 * CAL-2: the operator loads a year's holidays and adjusted working days (调休) from the State Council's
 * yearly notice, as two lists or as pasted lines (`2027-01-01 休`). Deadlines computed provisionally for that year are then recomputed
 * (`platform.calendar.year_loaded`), and the daily reminder stops.
 */
export const loadCalendarYear = defineRoute({
  method: 'PUT',
  path: '/api/v1/platform/calendar/{year}',
  access: OPERATOR,
  summary: "Load a year's public holidays and adjusted working days (CAL-2)",
  tags: ['platform'],
  params: yearParams,
  body: calendarYearBody,
  response: loadedYearSchema,
  async handle(input) {
    const schedule = scheduleFromBody(input.params.year, input.body);
    const { calendarYears, calendar, clock } = platformRoot();
    const current = await calendarYears.get(schedule.year);
    const loaded = load(schedule, current, callerOf(input, 'operator').userId, clock.now());
    await calendarYears.save(loaded, current?.version);
    calendar.forget();
    return { body: loaded.state };
  },
});
