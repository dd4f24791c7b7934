import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { CalendarReminders } from '../../../domain/platform/calendar-reminder.port.js';
import { outboxOf } from './store.js';
import type { Store } from './store.js';

/** CAL-2: one marker item per day the reminder was sent; creating it a second time the same day is refused. */
export class DynamoCalendarReminders implements CalendarReminders {
  constructor(private readonly store: Store) {}

  async sendOnce(today: LocalDate, reminder: DomainEvent): Promise<boolean> {
    const key = { PK: `P#CALENDAR-REMINDER#${today}`, SK: 'SENT' };
    try {
      await this.store.commit(
        [{ kind: 'create', item: { ...key, kind: 'REMINDER', sentOn: today }, onExists: () => new Conflict('already reminded today') }],
        [outboxOf(reminder, key)],
      );
      return true;
    } catch (error) {
      if (error instanceof Conflict) return false;
      throw error;
    }
  }
}
