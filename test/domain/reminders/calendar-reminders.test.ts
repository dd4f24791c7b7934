import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import {
  calendarReminders,
  calendarReminderSchedules,
  cronFiresOn,
  occurrenceOn,
  remindFromOf,
  yearScheduleOccurrenceOn,
  type CalendarReminder,
} from '../../../domain/reminders/calendar-reminders.js';

const reminderOf = (id: string, ruleSet = XINZHOU_2024): CalendarReminder => {
  const found = calendarReminders(ruleSet).find((reminder) => reminder.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('calendar reminders from the rule set (issue 16)', () => {
  it('QUAL-6, RPT-1, RPT-3, CAL-2: each date of the year with its first reminder day and audience, from the rule set', () => {
    expect(calendarReminders(XINZHOU_2024).map(({ id, step, due, remindFrom, audience, repeat }) => ({ id, step, due, remindFrom, audience, repeat }))).toEqual([
      { id: 'QUAL-6', step: 'QUAL-6', due: { month: 6, day: 15 }, remindFrom: { month: 6, day: 1 }, audience: 'INSURER', repeat: 'ONCE' },
      { id: 'RPT-1-H1', step: 'RPT-1', due: { month: 7, day: 31 }, remindFrom: { month: 7, day: 1 }, audience: 'INSURER', repeat: 'ONCE' },
      { id: 'RPT-1-YEAR', step: 'RPT-1', due: { month: 1, day: 31 }, remindFrom: { month: 1, day: 1 }, audience: 'INSURER', repeat: 'ONCE' },
      { id: 'RPT-3', step: 'RPT-3', due: { month: 3, day: 31 }, remindFrom: { month: 3, day: 1 }, audience: 'REGULATOR', repeat: 'ONCE' },
      { id: 'CAL-2', step: 'CAL-2', due: { month: 12, day: 31 }, remindFrom: { month: 12, day: 1 }, audience: 'OPERATOR', repeat: 'DAILY' },
    ]);
  });

  it('RULES-1: a version that moves QUAL-6 to June 5 moves its reminder and schedules (two weeks ahead at least)', () => {
    const moved = { ...XINZHOU_2024, qualificationFilingDue: { month: 6, day: 5 } };
    expect(remindFromOf({ month: 6, day: 5 })).toEqual({ month: 5, day: 1 });
    expect(remindFromOf({ month: 1, day: 10 })).toEqual({ month: 12, day: 1 });
    expect(calendarReminderSchedules(moved).filter((schedule) => schedule.input.reminder === 'QUAL-6').map(({ name, cron }) => ({ name, cron }))).toEqual([
      { name: 'QUAL-6-due', cron: { day: '1', month: '5' } },
      { name: 'QUAL-6-overdue', cron: { day: '6', month: '6' } },
    ]);
  });

  it('QUAL-6, RPT-1, RPT-3, CAL-2: the schedules — first reminder day and the day after the due day; CAL-2 daily', () => {
    expect(calendarReminderSchedules(XINZHOU_2024).map(({ name, cron, input }) => [name, `${cron.day} ${cron.month}`, input.step, input.kind])).toEqual([
      ['QUAL-6-due', '1 6', 'QUAL-6', 'due'],
      ['QUAL-6-overdue', '16 6', 'QUAL-6', 'overdue'],
      ['RPT-1-H1-due', '1 7', 'RPT-1', 'due'],
      ['RPT-1-H1-overdue', '1 8', 'RPT-1', 'overdue'],
      ['RPT-1-YEAR-due', '1 1', 'RPT-1', 'due'],
      ['RPT-1-YEAR-overdue', '1 2', 'RPT-1', 'overdue'],
      ['RPT-3-due', '1 3', 'RPT-3', 'due'],
      ['RPT-3-overdue', '1 4', 'RPT-3', 'overdue'],
      ['CAL-2-due', '* 12', 'CAL-2', 'due'],
      ['CAL-2-overdue', '* 1-11', 'CAL-2', 'overdue'],
    ]);
  });

  it('QUAL-6: due from June 1 to June 15 for that year, overdue after it for a month, quiet otherwise', () => {
    const qual6 = reminderOf('QUAL-6');
    expect(occurrenceOn(qual6, '2027-05-31')).toBeUndefined();
    expect(occurrenceOn(qual6, '2027-06-01')).toEqual({ kind: 'due', dueOn: '2027-06-15', period: '2027' });
    expect(occurrenceOn(qual6, '2027-06-15')).toEqual({ kind: 'due', dueOn: '2027-06-15', period: '2027' });
    expect(occurrenceOn(qual6, '2027-06-16')).toEqual({ kind: 'overdue', dueOn: '2027-06-15', period: '2027' });
    expect(occurrenceOn(qual6, '2027-09-01')).toBeUndefined();
  });

  it('RPT-1 and RPT-3: the year report due January 31 and the evaluation due March 31 are of the year before', () => {
    expect(occurrenceOn(reminderOf('RPT-1-YEAR'), '2027-01-04')).toEqual({ kind: 'due', dueOn: '2027-01-31', period: '2026' });
    expect(occurrenceOn(reminderOf('RPT-1-YEAR'), '2027-02-01')).toEqual({ kind: 'overdue', dueOn: '2027-01-31', period: '2026' });
    expect(occurrenceOn(reminderOf('RPT-1-H1'), '2027-07-01')).toEqual({ kind: 'due', dueOn: '2027-07-31', period: '2027-H1' });
    expect(occurrenceOn(reminderOf('RPT-3'), '2027-04-01')).toEqual({ kind: 'overdue', dueOn: '2027-03-31', period: '2026' });
    expect(reminderOf('RPT-3').title('2026')).toBe('2026年度承保机构安责险工作考核评估');
  });

  it('CAL-2: due daily from December 1 while next year is missing, overdue while this year is missing, and nothing once loaded', () => {
    const cal2 = reminderOf('CAL-2');
    const knows2026 = (year: number) => year <= 2026;
    expect(yearScheduleOccurrenceOn(cal2, '2026-11-30', knows2026)).toBeUndefined();
    expect(yearScheduleOccurrenceOn(cal2, '2026-12-01', knows2026)).toEqual({ kind: 'due', dueOn: '2026-12-31', period: '2027' });
    expect(yearScheduleOccurrenceOn(cal2, '2026-12-02', knows2026)).toEqual({ kind: 'due', dueOn: '2026-12-31', period: '2027' });
    expect(yearScheduleOccurrenceOn(cal2, '2027-01-05', knows2026)).toEqual({ kind: 'overdue', dueOn: '2026-12-31', period: '2027' });
    expect(yearScheduleOccurrenceOn(cal2, '2026-12-02', (year) => year <= 2027)).toBeUndefined();
  });

  it('the local scheduler fires a schedule on the days its cron names (CAL-2 through December, QUAL-6 on June 1)', () => {
    expect(cronFiresOn({ day: '*', month: '12' }, '2026-12-17')).toBe(true);
    expect(cronFiresOn({ day: '*', month: '1-11' }, '2026-12-17')).toBe(false);
    expect(cronFiresOn({ day: '*', month: '1-11' }, '2027-03-02')).toBe(true);
    expect(cronFiresOn({ day: '1', month: '6' }, '2027-06-01')).toBe(true);
    expect(cronFiresOn({ day: '1', month: '6' }, '2027-06-02')).toBe(false);
  });
});
