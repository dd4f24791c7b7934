import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import type { CalendarRepository } from '../../domain/platform/calendar.repository.js';
import type { CalendarSource } from '../../domain/platform/calendar-source.port.js';
import { mainTableName, sharedDynamoDb } from './dynamodb/client.js';
import { DynamoCalendarRepository } from './dynamodb/calendar.repository.js';
import { Store } from './dynamodb/store.js';
import { systemClock } from './clock.js';

/** Loaded years change a few times a year; a container re-reads them at most every five minutes. */
const TTL_MS = 5 * 60_000;

/**
 * CAL-1/CAL-2: the working-day calendar every deadline is computed with — the built-in years plus the years
 * the platform operator loaded as data (one Query, cached). A loaded year replaces a provisional one.
 */
export class CachedCalendarSource implements CalendarSource {
  private cached: { calendar: WorkingDayCalendar; at: number } | undefined;

  constructor(
    private readonly years: () => CalendarRepository,
    private readonly millis: () => number = Date.now,
  ) {}

  async current(now: number = this.millis()): Promise<WorkingDayCalendar> {
    if (this.cached && now - this.cached.at < TTL_MS) return this.cached.calendar;
    const loaded = await this.years().list();
    const calendar = loaded.reduce((acc, year) => acc.withYear(year), WorkingDayCalendar.builtin());
    this.cached = { calendar, at: now };
    return calendar;
  }

  forget(): void {
    this.cached = undefined;
  }
}

/** The container's one calendar source over the main table, its repository made on first use. */
export const sharedCalendarSource = new CachedCalendarSource(
  () => new DynamoCalendarRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock)),
);

/** {@link CachedCalendarSource.current} of the container's source. */
export const currentCalendar = (now?: number): Promise<WorkingDayCalendar> => sharedCalendarSource.current(now);

/** After the operator loads a year, this container sees it at once rather than after the cache expires. */
export const forgetCalendar = (): void => sharedCalendarSource.forget();
