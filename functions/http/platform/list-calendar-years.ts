import { OPERATOR } from '../../../domain/identity/access.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { calendarYearsOf } from '../../../domain/platform/calendar-year.rules.js';
import { calendarYearSchema } from '../../../domain/platform/calendar-year.js';
import { defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { platformRoot } from './composition-root.js';

/** CAL-1/CAL-2: the years the working-day calendar knows, and which of them the operator loaded. */
export const listCalendarYears = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/calendar',
  access: OPERATOR,
  summary: 'Calendar years known: built in, and loaded by the operator',
  tags: ['platform'],
  response: z.object({ items: z.array(calendarYearSchema) }),
  async handle() {
    const loaded = await platformRoot().calendarYears.list();
    return { body: { items: calendarYearsOf(WorkingDayCalendar.builtin(), loaded) } };
  },
});
