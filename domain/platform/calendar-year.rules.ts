import { instantOf } from '../kernel/calendar/instant.js';
import { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import type { YearSchedule } from '../kernel/calendar/year-schedule.js';
import type { Changed } from '../kernel/events.js';
import type { CalendarYear, LoadedYear } from './calendar-year.js';
import { calendarYearLoaded } from './events.js';

/**
 * CAL-2: the operator loads a year's schedule (already shaped by yearScheduleSchema). The calendar must be
 * able to use it — a schedule it refuses is refused here — and it replaces `current` (the year loaded
 * before, if any) at the next version, raising `platform.calendar.year_loaded` so deadlines computed
 * provisionally for that year are recomputed.
 */
export function loadCalendarYear(schedule: YearSchedule, current: LoadedYear | undefined, loadedBy: string, now: Date): Changed<LoadedYear> {
  WorkingDayCalendar.builtin().withYear(schedule);
  const loaded: LoadedYear = {
    year: schedule.year,
    holidays: [...schedule.holidays].sort(),
    adjustedWorkdays: [...schedule.adjustedWorkdays].sort(),
    source: 'loaded',
    loadedAt: instantOf(now),
    loadedBy,
    version: (current?.version ?? 0) + 1,
  };
  const event = calendarYearLoaded.of(
    { id: String(loaded.year), version: loaded.version },
    { year: loaded.year, holidays: loaded.holidays.length, adjustedWorkdays: loaded.adjustedWorkdays.length },
  );
  return { state: loaded, events: [event] };
}

/**
 * CAL-1/CAL-2: the years the calendar knows, in order: the built-in ones the operator has not replaced, and
 * the loaded ones with who loaded them.
 */
export function calendarYearsOf(builtin: WorkingDayCalendar, loaded: readonly LoadedYear[]): CalendarYear[] {
  const loadedYears = new Set(loaded.map((year) => year.year));
  const shipped = builtin
    .knownYears()
    .filter((year) => !loadedYears.has(year))
    .map((year): CalendarYear => ({ year, source: 'builtin' }));
  const operators = loaded.map(({ year, loadedAt, loadedBy, version }): CalendarYear => ({ year, source: 'loaded', loadedAt, loadedBy, version }));
  return [...shipped, ...operators].sort((a, b) => a.year - b.year);
}
