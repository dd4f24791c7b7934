/**
 * Run by time-zone.test.ts in child processes with different TZ values: prints one JSON line of calendar
 * results that must not depend on the process time zone (CAL-2). Not a test file itself.
 */
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  shanghaiDateOf,
} from '../../../../domain/kernel/calendar/local-date.js';
import { statutoryHolidaysOf } from '../../../../domain/kernel/calendar/statutory-holidays.js';
import { WorkingDayCalendar } from '../../../../domain/kernel/calendar/working-day-calendar.js';

const calendar = WorkingDayCalendar.builtin();
const starts = [
  '2024-03-08',
  '2024-09-27',
  '2024-11-01',
  '2025-01-24',
  '2026-02-10',
  '2026-02-13',
  '2026-12-24',
  '2027-02-01',
];
const instants = [
  '2024-09-30T15:59:59Z',
  '2024-09-30T16:00:00Z',
  '2024-03-10T09:30:00Z',
  '2024-11-03T08:30:00Z',
  '2026-12-31T16:00:00Z',
];

let day = '2024-09-20';
const workingDays: string[] = [];
for (let i = 0; i < 60; i += 1, day = addDays(day, 1)) {
  const status = calendar.isWorkingDay(day);
  workingDays.push(`${day}:${status.working ? 'W' : 'R'}${status.provisional ? '?' : ''}`);
}

const results = {
  tz: process.env.TZ,
  addWorkingDays: starts.map((start) => [10, 20, 30].map((n) => calendar.addWorkingDays(start, n))),
  addCalendarDays: starts.map((start) => [15, 30, 60].map((n) => calendar.addCalendarDaysToWorkingDay(start, n))),
  workingDays,
  weekdays: starts.map(dayOfWeek),
  months: starts.map((start) => addMonths(start, 3)),
  spans: starts.map((start) => daysBetween('2024-01-01', start)),
  shanghaiDates: [...instants.map(shanghaiDateOf), ...instants.map((instant) => shanghaiDateOf(new Date(instant)))],
  statutory2027: statutoryHolidaysOf(2027),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
