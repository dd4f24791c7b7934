import { ValidationFailed } from '../errors.js';
import { BUILTIN_YEARS } from './builtin-years.js';
import { addDays, dayOfWeek, monthOf, yearOf } from './local-date.js';
import type { LocalDate } from './local-date.js';
import { statutoryHolidaysOf } from './statutory-holidays.js';
import { yearScheduleSchema } from './year-schedule.js';
import type { YearSchedule } from './year-schedule.js';

/** Whether a day is a working day, and whether that answer may still change (CAL-2). */
export interface WorkingDayStatus {
  working: boolean;
  /** True when the day's year is not known, so the answer comes from weekends and statutory holidays only. */
  provisional: boolean;
}

/** A computed deadline; `provisional` when any day it depended on lies in a year the calendar does not know. */
export interface CalendarResult {
  date: LocalDate;
  provisional: boolean;
}

interface KnownYear {
  readonly schedule: YearSchedule;
  readonly holidays: ReadonlySet<LocalDate>;
  readonly adjustedWorkdays: ReadonlySet<LocalDate>;
}

function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

function compile(schedule: YearSchedule): KnownYear {
  return {
    schedule: {
      ...schedule,
      holidays: [...schedule.holidays],
      adjustedWorkdays: [...schedule.adjustedWorkdays],
    },
    holidays: new Set(schedule.holidays),
    adjustedWorkdays: new Set(schedule.adjustedWorkdays),
  };
}

/** Statutory holidays are a pure function of the year, so computing them once per year is enough. */
const statutoryHolidaysCache = new Map<number, ReadonlySet<LocalDate>>();

function statutoryHolidaySet(year: number): ReadonlySet<LocalDate> {
  let holidays = statutoryHolidaysCache.get(year);
  if (holidays === undefined) {
    holidays = new Set(statutoryHolidaysOf(year));
    statutoryHolidaysCache.set(year, holidays);
  }
  return holidays;
}

let builtinCalendar: WorkingDayCalendar | undefined;

/**
 * CAL-1, CAL-2: the PRC working-day calendar in Asia/Shanghai, immutable. It knows the years shipped with the
 * platform and those the operator loads; for any other year it falls back to weekends and statutory holidays
 * and marks its answers provisional, so that a deadline is never passed off as final before the State
 * Council's schedule is in.
 *
 * Deadlines are recomputed from the stored start date rather than patched: after an operator loads a year,
 * the same call on the new calendar gives the final date.
 *
 * @example
 * const calendar = WorkingDayCalendar.builtin();
 * calendar.addWorkingDays('2024-09-27', 10);               // { date: '2024-10-16', provisional: false }
 * calendar.addCalendarDaysToWorkingDay('2026-02-10', 15);  // { date: '2026-02-25', provisional: false }
 */
export class WorkingDayCalendar {
  readonly #years: ReadonlyMap<number, KnownYear>;

  private constructor(years: ReadonlyMap<number, KnownYear>) {
    this.#years = years;
  }

  /** The calendar of the shipped years (2004–2026). Built once; being immutable, it is safely shared. */
  static builtin(): WorkingDayCalendar {
    builtinCalendar ??= new WorkingDayCalendar(
      new Map(BUILTIN_YEARS.map((schedule) => [schedule.year, compile(schedule)])),
    );
    return builtinCalendar;
  }

  /**
   * CAL-2: a new calendar that knows `schedule`'s year as given. A loaded year replaces whatever the calendar
   * had for that year — the provisional fallback, or a shipped year that turned out to be wrong.
   *
   * @throws ValidationFailed when the schedule breaks {@link yearScheduleSchema} (a date outside its year, a
   * date in both lists, an adjusted working day on a weekday).
   */
  withYear(schedule: YearSchedule): WorkingDayCalendar {
    const parsed = yearScheduleSchema.safeParse(schedule);
    if (!parsed.success) {
      throw new ValidationFailed(
        parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || 'schedule',
          message: issue.message,
          rule: 'CAL-2',
        })),
      );
    }
    const years = new Map(this.#years);
    years.set(parsed.data.year, compile(parsed.data));
    return new WorkingDayCalendar(years);
  }

  /** The years whose schedule is known (shipped or loaded), ascending. */
  knownYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** A copy of the schedule the calendar uses for `year`, or `undefined` when the year is provisional. */
  scheduleOf(year: number): YearSchedule | undefined {
    const known = this.#years.get(year);
    if (known === undefined) return undefined;
    return compile(known.schedule).schedule;
  }

  /**
   * CAL-1: whether `date` is a working day — Monday to Friday unless a holiday, Saturday and Sunday only when
   * made an adjusted working day (调休上班). For a year it does not know (CAL-2), weekends and the statutory
   * holidays that can be computed are rest days and the answer is provisional.
   *
   * @example
   * calendar.isWorkingDay('2024-10-12'); // { working: true, provisional: false } — a Saturday made working
   */
  isWorkingDay(date: LocalDate): WorkingDayStatus {
    const known = this.#years.get(yearOf(date));
    if (known === undefined) {
      return { working: !isWeekend(date) && !statutoryHolidaySet(yearOf(date)).has(date), provisional: true };
    }
    if (known.adjustedWorkdays.has(date)) return { working: true, provisional: false };
    if (known.holidays.has(date)) return { working: false, provisional: false };
    return { working: !isWeekend(date), provisional: false };
  }

  /**
   * CMP-7, SVC-8, SVC-9: the `n`th working day after `date`. The start day is not counted, whatever it is: day 1
   * is the next working day. A negative `n` counts back (the `|n|`th working day before `date`); 0 returns
   * `date` unchanged.
   *
   * @example
   * calendar.addWorkingDays('2026-02-13', 10); // { date: '2026-03-05', provisional: false } — across 春节 2026
   */
  addWorkingDays(date: LocalDate, n: number): CalendarResult {
    if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer, got ${String(n)}`);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = date;
    let provisional = false;
    while (remaining > 0) {
      current = addDays(current, step);
      const status = this.isWorkingDay(current);
      provisional ||= status.provisional;
      if (status.working) remaining -= 1;
    }
    return { date: current, provisional };
  }

  /**
   * CMP-8, CMP-4: `n` calendar days after `date` (the start day not counted, Civil Code art. 201), and when that
   * last day is a rest day the period ends on the next working day (Civil Code art. 203). Used for the
   * NFRA's 15-day clock and for CMP-4's extension added to a working-day due date.
   *
   * @example
   * calendar.addCalendarDaysToWorkingDay('2024-09-27', 15); // { date: '2024-10-12', provisional: false }
   */
  addCalendarDaysToWorkingDay(date: LocalDate, n: number): CalendarResult {
    let current = addDays(date, n);
    let provisional = false;
    for (;;) {
      const status = this.isWorkingDay(current);
      provisional ||= status.provisional;
      if (status.working) return { date: current, provisional };
      current = addDays(current, 1);
    }
  }

  /**
   * CAL-2: whether the operator should be reminded to load a schedule. From December 1 while next year is
   * missing; and also on any day whose own year is missing, because a reminder that stopped on January 1
   * would fall silent exactly when every new deadline became provisional. {@link yearToLoad} says which year.
   *
   * @example
   * WorkingDayCalendar.builtin().needsNextYearReminder('2026-12-01'); // true: 2027 is not known
   */
  needsNextYearReminder(today: LocalDate): boolean {
    return this.yearToLoad(today) !== undefined;
  }

  /**
   * CAL-2: the year the operator should be reminded to load on `today`, or `undefined` when none is due: the
   * current year if it is missing, else next year if it is missing and it is December.
   *
   * @example
   * WorkingDayCalendar.builtin().yearToLoad('2026-12-01'); // 2027
   * WorkingDayCalendar.builtin().yearToLoad('2027-01-05'); // 2027 (still missing)
   */
  yearToLoad(today: LocalDate): number | undefined {
    const year = yearOf(today);
    if (!this.#years.has(year)) return year;
    if (monthOf(today) === 12 && !this.#years.has(year + 1)) return year + 1;
    return undefined;
  }
}
