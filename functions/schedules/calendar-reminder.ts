import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import type { CalendarReminders } from '../../domain/platform/calendar-reminder.port.js';
import { calendarYearMissingReminder } from '../../domain/platform/calendar-year.rules.js';

/**
 * CAL-2: from December 1, while next year's holiday schedule is not loaded (and on into January while it is
 * still missing), remind the platform operator once a day (`platform.calendar.year_missing`). A repeated run
 * of the same day sends nothing (see {@link CalendarReminders}).
 */
export async function remindOfMissingCalendarYear(reminders: CalendarReminders, calendar: WorkingDayCalendar, now: Date): Promise<boolean> {
  const today = shanghaiDateOf(now);
  // In January the missing year is the current one; from December 1 it is the next.
  const missingYear = calendar.yearToLoad(today);
  if (missingYear === undefined) return false;
  return reminders.sendOnce(today, calendarYearMissingReminder(missingYear, today));
}
