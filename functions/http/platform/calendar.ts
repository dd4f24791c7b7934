import { yearScheduleSchema } from '../../../domain/kernel/calendar/year-schedule.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { DynamoCalendarRepository } from '../../adapters/dynamodb/calendar.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { forgetCalendar } from '../../adapters/calendar-provider.js';
import { systemClock } from '../../adapters/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { OPERATOR } from '../../../domain/identity/access.js';

const repository = () => new DynamoCalendarRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock));

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
  async handle(input) {
    const parsed = yearScheduleSchema.safeParse({ year: input.params.year, ...input.body, source: 'loaded' });
    if (!parsed.success) {
      throw new ValidationFailed(
        parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'body', message: issue.message, rule: 'CAL-2' })),
      );
    }
    // The calendar refuses a schedule it cannot use (e.g. a weekday listed as an adjusted working day).
    WorkingDayCalendar.builtin().withYear(parsed.data);
    const loaded = await repository().save(parsed.data, callerOf(input).userId, systemClock.now());
    forgetCalendar();
    return { body: loaded };
  },
});

export const listCalendarYears = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/calendar',
  access: OPERATOR,
  summary: 'Calendar years known: built in, and loaded by the operator',
  tags: ['platform'],
  async handle() {
    const loaded = await repository().list();
    const loadedYears = new Set(loaded.map((y) => y.year));
    const builtin = WorkingDayCalendar.builtin()
      .knownYears()
      .filter((year) => !loadedYears.has(year))
      .map((year) => ({ year, source: 'builtin' as const }));
    const items = [...builtin, ...loaded.map(({ year, loadedAt, loadedBy, version }) => ({ year, source: 'loaded' as const, loadedAt, loadedBy, version }))];
    return { body: { items: items.sort((a, b) => a.year - b.year) } };
  },
});
