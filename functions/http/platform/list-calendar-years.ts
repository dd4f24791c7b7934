import { OPERATOR } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { calendarYearsOf } from '../../../domain/platform/calendar-year.rules.js';
import { calendarYearSchema } from '../../../domain/platform/calendar-year.js';
import { defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { platformRoot } from './composition-root.js';

/**
 * CAL-1/CAL-2: the years the working-day calendar knows, and which of them the operator loaded; and this
 * year and next when unknown, whose deadlines are provisional — with the year CAL-2's reminder asks for.
 */
export const listCalendarYears = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/calendar',
  access: OPERATOR,
  summary: 'Calendar years known: built in, and loaded by the operator; this year and next when provisional',
  tags: ['platform'],
  response: z.object({
    items: z.array(calendarYearSchema),
    provisional: z.array(z.number()).check(z.meta({ description: 'This year and next, when unknown: their deadlines are provisional (CAL-2)' })),
    yearToLoad: z.optional(z.number().check(z.meta({ description: 'The year CAL-2 reminds the operator to load today (from December 1 for next year)' }))),
  }),
  async handle() {
    const { calendarYears, calendar: source, clock } = platformRoot();
    const loaded = await calendarYears.list();
    const calendar = await source.current();
    const today = shanghaiDateOf(clock.now());
    const thisYear = Number(today.slice(0, 4));
    const provisional = [thisYear, thisYear + 1].filter((year) => calendar.scheduleOf(year) === undefined);
    const yearToLoad = calendar.yearToLoad(today);
    return {
      body: { items: calendarYearsOf(WorkingDayCalendar.builtin(), loaded), provisional, ...(yearToLoad === undefined ? {} : { yearToLoad }) },
    };
  },
});
