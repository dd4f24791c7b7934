import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { Store } from '../adapters/dynamodb/store.js';
import { systemClock } from '../adapters/clock.js';
import { logger } from '../middleware/observability.js';
import { remindOfMissingCalendarYear } from './calendar-reminder.js';

/** What the scheduler hands over: EventBridge Scheduler's event on AWS, the local scheduler's twin. */
export interface ScheduleEvent {
  readonly 'detail-type'?: string;
  readonly time?: string;
}

/**
 * The daily 08:00 (Asia/Shanghai) run. Today it sends the calendar reminder (CAL-2); the deadline sweep
 * over the due-date index joins it with the services and complaints issues.
 */
export async function handler(event: ScheduleEvent = {}): Promise<{ reminders: number }> {
  const now = event.time ? new Date(event.time) : systemClock.now();
  const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
  const reminded = await remindOfMissingCalendarYear(store, WorkingDayCalendar.builtin(), now);
  logger.info('daily schedule ran', { reminded });
  return { reminders: reminded ? 1 : 0 };
}
