import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { mainTableName, sharedDynamoDb } from './dynamodb/client.js';
import { DynamoCalendarRepository } from './dynamodb/calendar.repository.js';
import { Store } from './dynamodb/store.js';
import { systemClock } from './clock.js';

/** Loaded years change a few times a year; a container re-reads them at most every five minutes. */
const TTL_MS = 5 * 60_000;
let cached: { calendar: WorkingDayCalendar; at: number } | undefined;

/**
 * CAL-1/CAL-2: the working-day calendar every deadline is computed with — the built-in years plus the years
 * the platform operator loaded as data (one Query, cached). A loaded year replaces a provisional one.
 */
export async function currentCalendar(now: number = Date.now()): Promise<WorkingDayCalendar> {
  if (cached && now - cached.at < TTL_MS) return cached.calendar;
  const loaded = await new DynamoCalendarRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock)).list();
  const calendar = loaded.reduce((acc, year) => acc.withYear(year), WorkingDayCalendar.builtin());
  cached = { calendar, at: now };
  return calendar;
}

/** After the operator loads a year, this container sees it at once rather than after the cache expires. */
export const forgetCalendar = (): void => {
  cached = undefined;
};
