import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { DomainEvent } from '../kernel/events.js';

/**
 * CAL-2: where the daily run keeps the operator's reminder that a year's schedule is missing, so it is sent at
 * most once a day however often the run is repeated (functions/adapters/dynamodb/calendar-reminders.ts).
 *
 * @example
 * const sent = await reminders.sendOnce(today, calendarYearMissingReminder(2027, today));
 */
export interface CalendarReminders {
  /** Records `reminder` as `today`'s, with it in the outbox; `false` (and nothing sent) when today's was already sent. */
  sendOnce(today: LocalDate, reminder: DomainEvent): Promise<boolean>;
}
