/**
 * CAL-1, CAL-2: dates in Asia/Shanghai and the PRC working-day calendar — the public surface of this folder.
 */
export {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isLocalDate,
  localDate,
  localDateSchema,
  monthOf,
  shanghaiDateOf,
  yearOf,
} from './local-date.js';
export type { LocalDate } from './local-date.js';
export { monthDaySchema, onDateIn } from './month-day.js';
export type { MonthDay } from './month-day.js';
export { yearScheduleSchema } from './year-schedule.js';
export type { YearSchedule } from './year-schedule.js';
export { BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR, BUILTIN_YEARS } from './builtin-years.js';
export { statutoryHolidaysOf } from './statutory-holidays.js';
export { WorkingDayCalendar } from './working-day-calendar.js';
export type { CalendarResult, WorkingDayStatus } from './working-day-calendar.js';
export { isInstant } from './instant.js';
