import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';

/**
 * CAL-1/CAL-2: where use cases get the working-day calendar every deadline is computed with — the built-in
 * years plus the years the operator loaded (functions/adapters/calendar-provider.ts, cached per container).
 */
export interface CalendarSource {
  /** The calendar as it is now. */
  current(): Promise<WorkingDayCalendar>;
  /** Forgets what is cached, after a year was loaded, so this container sees it at once. */
  forget(): void;
}
