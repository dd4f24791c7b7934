import { CALENDAR_REMINDER_IDS, CALENDAR_STEPS, type CalendarReminderId, type CalendarStep } from '../../domain/reminders/calendar-reminders.js';
import { logger } from '../middleware/observability.js';
import { calendarRemindersRoot } from './calendar-reminder-root.js';
import { runCalendarReminders, type CalendarReminderCounts } from './calendar-reminders.js';

/** What a calendar reminder's schedule hands the schedules function (infra/constructs/calendar-reminder-schedules.ts). */
export interface CalendarReminderEvent {
  readonly job?: string;
  readonly step?: string;
  readonly reminder?: string;
  readonly time?: string;
}

export interface CalendarReminderOutcome {
  readonly reminders: number;
  readonly overdueComplaints: number;
  readonly recomputedComplaints: number;
  readonly recomputedServices: number;
  readonly calendarReminders: CalendarReminderCounts;
}

const isStep = (value: string | undefined): value is CalendarStep => (CALENDAR_STEPS as readonly string[]).includes(value ?? '');
const isReminder = (value: string | undefined): value is CalendarReminderId => (CALENDAR_REMINDER_IDS as readonly string[]).includes(value ?? '');

/**
 * `{ job: 'calendar-reminder', step, reminder, time }`: QUAL-6, RPT-1, RPT-3 or CAL-2 on the scheduled day
 * (Asia/Shanghai), as its EventBridge schedule (or the local scheduler) starts it. The day decides, not the
 * schedule: a run outside the reminder's window raises nothing.
 */
export async function calendarReminderJob(event: CalendarReminderEvent, now: Date = new Date()): Promise<CalendarReminderOutcome> {
  const counts = await runCalendarReminders(calendarRemindersRoot(), event.time ? new Date(event.time) : now, {
    ...(isStep(event.step) ? { step: event.step } : {}),
    ...(isReminder(event.reminder) ? { reminder: event.reminder } : {}),
  });
  const reminders = Object.values(counts).reduce((sum, n) => sum + n, 0);
  logger.info('calendar reminders ran', { step: event.step, reminder: event.reminder, counts });
  return { reminders, overdueComplaints: 0, recomputedComplaints: 0, recomputedServices: 0, calendarReminders: counts };
}
