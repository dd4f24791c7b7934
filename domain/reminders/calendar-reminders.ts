import { addDays, compareLocalDates, monthOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { onDateIn } from '../kernel/calendar/month-day.js';
import type { MonthDay } from '../kernel/calendar/month-day.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { ReminderAudience, ReminderStep } from './events.js';

/*
 * Issue 16: the reminders of dates of the year (not of one item): QUAL-6's filing, RPT-1's two reports, RPT-3's
 * evaluation and CAL-2's next-year schedule. Their due days are rule-set figures (RULES-1), so the schedules
 * that raise them are derived here from a rule set: on AWS each becomes an EventBridge Scheduler cron
 * (infra/constructs/calendar-reminder-schedules.ts), locally the local scheduler reads the same list.
 */

/** The calendar reminders, one per date of the year (RPT-1 has two: the half-year and the year report). */
export const CALENDAR_REMINDER_IDS = ['QUAL-6', 'RPT-1-H1', 'RPT-1-YEAR', 'RPT-3', 'CAL-2'] as const;
export type CalendarReminderId = (typeof CALENDAR_REMINDER_IDS)[number];
export type CalendarStep = Extract<ReminderStep, 'QUAL-6' | 'RPT-1' | 'RPT-3' | 'CAL-2'>;
export const CALENDAR_STEPS = ['QUAL-6', 'RPT-1', 'RPT-3', 'CAL-2'] as const satisfies readonly CalendarStep[];
export type ReminderKind = 'due' | 'overdue';

/** The hour (Asia/Shanghai) every calendar reminder runs at, the daily run's hour. */
export const CALENDAR_REMINDER_HOUR = 8;

/**
 * A `due` reminder missed on its day (a failed run replayed, an operator's run-now) is still raised while the
 * date is ahead; an `overdue` one within this many days after the date, and no later, so a run in
 * September does not tell anyone about June 15.
 */
export const OVERDUE_WINDOW_DAYS = 31;

export interface CalendarReminder {
  readonly id: CalendarReminderId;
  readonly step: CalendarStep;
  /** The day of the year the obligation is due (from the rule set; CAL-2: December 31, before the year starts). */
  readonly due: MonthDay;
  /** The first day of the year the `due` reminder goes out. */
  readonly remindFrom: MonthDay;
  readonly audience: ReminderAudience;
  /**
   * ONCE: one `due` reminder from `remindFrom`, one `overdue` the day after the due day. DAILY (CAL-2): every
   * day from `remindFrom` while next year's schedule is missing (`due`), and every day of a year whose own
   * schedule is missing (`overdue`) — CAL-2 says the operator is reminded while the year is missing.
   */
  readonly repeat: 'ONCE' | 'DAILY';
  /** The period the obligation is about, from the day it is due: `2027` (QUAL-6 2027), `2027-H1`, `2026` (RPT-3 of 2026). */
  period(dueOn: LocalDate): string;
  /** What is due, for people (Chinese), for the period. */
  title(period: string): string;
  /** Where the recipient acts in the console. */
  readonly link: string;
}

/**
 * How early a `due` reminder goes out: the 1st of the due month, or of the month before when the due day is
 * before the 15th, so there are always at least two weeks (June 15 → June 1, July 31 → July 1). The notice
 * says nothing; this is the platform's choice, not a rule-set figure.
 */
export function remindFromOf(due: MonthDay): MonthDay {
  if (due.day >= 15) return { month: due.month, day: 1 };
  return { month: due.month === 1 ? 12 : due.month - 1, day: 1 };
}

/**
 * QUAL-6, RPT-1, RPT-3, CAL-2: the calendar reminders of `ruleSet`, in a fixed order. CAL-2's window is not a
 * figure: CAL-2 itself says "from December 1", the schedule being due before the year it is for begins.
 */
export function calendarReminders(ruleSet: RuleSet): readonly CalendarReminder[] {
  const year = (dueOn: LocalDate) => yearOf(dueOn);
  const once = (
    id: CalendarReminderId,
    due: MonthDay,
    audience: ReminderAudience,
    texts: Pick<CalendarReminder, 'period' | 'title' | 'link'>,
  ): CalendarReminder => ({ id, step: stepOf(id), due, remindFrom: remindFromOf(due), audience, repeat: 'ONCE', ...texts });
  return [
    // QUAL-6: the filing for a year is due in that year.
    once('QUAL-6', ruleSet.qualificationFilingDue, 'INSURER', {
      period: (dueOn) => String(year(dueOn)),
      title: (period) => `${period}年度安责险承保资格报送材料`,
      link: '/insurer/qualification',
    }),
    // RPT-1: the half-year report of the same year, the full-year report of the year before. The reports
    // themselves come with issue 18; until then the link is the insurer's home.
    once('RPT-1-H1', ruleSet.halfYearReportDue, 'INSURER', {
      period: (dueOn) => `${year(dueOn)}-H1`,
      title: (period) => `${period.slice(0, 4)}年上半年安责险承保、服务及预防费使用情况报告`,
      link: '/insurer/dashboard',
    }),
    once('RPT-1-YEAR', ruleSet.yearReportDue, 'INSURER', {
      period: (dueOn) => String(year(dueOn) - 1),
      title: (period) => `${period}年度安责险承保、服务及预防费使用情况报告`,
      link: '/insurer/dashboard',
    }),
    // RPT-3: the regulators' evaluation of the previous year.
    once('RPT-3', ruleSet.regulatorEvaluationDue, 'REGULATOR', {
      period: (dueOn) => String(year(dueOn) - 1),
      title: (period) => `${period}年度承保机构安责险工作考核评估`,
      link: '/regulator/insurers',
    }),
    {
      id: 'CAL-2',
      step: 'CAL-2',
      due: { month: 12, day: 31 },
      remindFrom: { month: 12, day: 1 },
      audience: 'OPERATOR',
      repeat: 'DAILY',
      period: (dueOn) => String(year(dueOn) + 1),
      title: (period) => `${period}年节假日安排（国务院办公厅通知）待录入`,
      link: '/platform/calendar',
    },
  ];
}

/** What one calendar reminder raises on a day: which kind, for which due day and period. */
export interface CalendarOccurrence {
  readonly kind: ReminderKind;
  readonly dueOn: LocalDate;
  readonly period: string;
}

/** The first day of the `due` reminder for the obligation due on `dueOn`: `remindFrom` on or before it. */
function remindFromDate(reminder: CalendarReminder, dueOn: LocalDate): LocalDate {
  const sameYear = onDateIn(reminder.remindFrom, yearOf(dueOn));
  return compareLocalDates(sameYear, dueOn) <= 0 ? sameYear : onDateIn(reminder.remindFrom, yearOf(dueOn) - 1);
}

/**
 * A ONCE reminder on `today`: `due` from its first day to the due day, `overdue` within
 * {@link OVERDUE_WINDOW_DAYS} after it; `undefined` on any other day. Whether the obligation is already met is
 * the caller's to ask (only it can read the filings).
 */
export function occurrenceOn(reminder: CalendarReminder, today: LocalDate): CalendarOccurrence | undefined {
  for (const year of [yearOf(today) - 1, yearOf(today), yearOf(today) + 1]) {
    const dueOn = onDateIn(reminder.due, year);
    const period = reminder.period(dueOn);
    if (compareLocalDates(remindFromDate(reminder, dueOn), today) <= 0 && compareLocalDates(today, dueOn) <= 0) return { kind: 'due', dueOn, period };
    if (compareLocalDates(dueOn, today) < 0 && compareLocalDates(today, addDays(dueOn, OVERDUE_WINDOW_DAYS)) <= 0) {
      return { kind: 'overdue', dueOn, period };
    }
  }
  return undefined;
}

/**
 * CAL-2 on `today`, given which years the calendar knows: `overdue` while today's own year is missing (its
 * schedule was due on December 31 before it); else `due` from December 1 while next year is missing; else
 * nothing — the reminder stops once the year is loaded.
 */
export function yearScheduleOccurrenceOn(reminder: CalendarReminder, today: LocalDate, knows: (year: number) => boolean): CalendarOccurrence | undefined {
  const year = yearOf(today);
  if (!knows(year)) {
    const dueOn = onDateIn(reminder.due, year - 1);
    return { kind: 'overdue', dueOn, period: reminder.period(dueOn) };
  }
  const dueOn = onDateIn(reminder.due, year);
  if (compareLocalDates(onDateIn(reminder.remindFrom, year), today) <= 0 && !knows(year + 1)) return { kind: 'due', dueOn, period: reminder.period(dueOn) };
  return undefined;
}

/** An EventBridge Scheduler cron's day and month fields (minute 0, hour {@link CALENDAR_REMINDER_HOUR}). */
export interface CronDays {
  readonly day: string;
  readonly month: string;
}

/** One schedule to create: when it fires and what it hands the schedules function. */
export interface CalendarReminderSchedule {
  /** Unique, key-safe: `<reminder id>-<kind>`, e.g. `QUAL-6-due`. */
  readonly name: string;
  readonly cron: CronDays;
  readonly input: { readonly job: 'calendar-reminder'; readonly step: CalendarStep; readonly reminder: CalendarReminderId; readonly kind: ReminderKind };
}

/**
 * The schedules of `ruleSet`'s calendar reminders: a ONCE reminder fires twice a year, on its first day (`due`)
 * and on the day after the due day (`overdue`); CAL-2 fires daily, from December 1 to December 31 (`due`) and
 * from January to November (`overdue`, quiet unless the year is missing). The function decides again on the
 * day ({@link occurrenceOn}), so a fired schedule on a day outside the window raises nothing.
 */
export function calendarReminderSchedules(ruleSet: RuleSet): readonly CalendarReminderSchedule[] {
  return calendarReminders(ruleSet).flatMap((reminder): CalendarReminderSchedule[] => {
    const input = (kind: ReminderKind) => ({ job: 'calendar-reminder' as const, step: reminder.step, reminder: reminder.id, kind });
    if (reminder.repeat === 'DAILY') {
      const from = reminder.remindFrom.month;
      const schedules: CalendarReminderSchedule[] = [{ name: `${reminder.id}-due`, cron: { day: '*', month: months(from, 12) }, input: input('due') }];
      if (from > 1) schedules.push({ name: `${reminder.id}-overdue`, cron: { day: '*', month: months(1, from - 1) }, input: input('overdue') });
      return schedules;
    }
    // 2023, a common year: the day after February 28 is March 1 as in three years of four.
    const dayAfter = addDays(onDateIn(reminder.due, 2023), 1);
    return [
      { name: `${reminder.id}-due`, cron: { day: String(reminder.remindFrom.day), month: String(reminder.remindFrom.month) }, input: input('due') },
      { name: `${reminder.id}-overdue`, cron: { day: String(Number(dayAfter.slice(8))), month: String(monthOf(dayAfter)) }, input: input('overdue') },
    ];
  });
}

function stepOf(id: CalendarReminderId): CalendarStep {
  return id.startsWith('RPT-1') ? 'RPT-1' : (id as CalendarStep);
}

const months = (from: number, to: number): string => (from === to ? String(from) : `${from}-${to}`);

/** Whether a cron's day and month fields (`*`, `n` or `a-b`) match `date`: what the local scheduler asks daily. */
export function cronFiresOn(cron: CronDays, date: LocalDate): boolean {
  const matches = (field: string, value: number) => {
    if (field === '*') return true;
    const [low, high = low] = field.split('-').map(Number);
    return value >= (low as number) && value <= (high as number);
  };
  return matches(cron.day, Number(date.slice(8))) && matches(cron.month, monthOf(date));
}
