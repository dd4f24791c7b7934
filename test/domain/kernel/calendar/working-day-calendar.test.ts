import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../../domain/kernel/errors.js';
import { addDays } from '../../../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../../../domain/kernel/calendar/working-day-calendar.js';
import type { YearSchedule } from '../../../../domain/kernel/calendar/year-schedule.js';

const calendar = WorkingDayCalendar.builtin();

/**
 * A made-up 2027 schedule for loading tests (the State Council had not published 2027 when this was written):
 * 春节 February 5–11 with Saturday February 13 made a working day.
 */
const HYPOTHETICAL_2027: YearSchedule = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
  ],
  adjustedWorkdays: ['2027-02-13'],
  source: 'loaded',
};

describe('working-day calendar', () => {
  it('CAL-1 knows the shipped years 2004–2026', () => {
    expect(calendar.knownYears()).toEqual(Array.from({ length: 23 }, (_, index) => 2004 + index));
    expect(WorkingDayCalendar.builtin()).toBe(calendar);
  });

  it('CAL-1 treats holidays, weekends and adjusted working days by the State Council schedule', () => {
    expect(calendar.isWorkingDay('2024-09-27')).toEqual({ working: true, provisional: false }); // Friday
    expect(calendar.isWorkingDay('2024-09-28')).toEqual({ working: false, provisional: false }); // Saturday
    expect(calendar.isWorkingDay('2024-09-29')).toEqual({ working: true, provisional: false }); // Sunday made working
    expect(calendar.isWorkingDay('2024-10-01')).toEqual({ working: false, provisional: false }); // 国庆
    expect(calendar.isWorkingDay('2024-10-07')).toEqual({ working: false, provisional: false }); // Monday off in lieu
    expect(calendar.isWorkingDay('2024-10-12')).toEqual({ working: true, provisional: false }); // Saturday made working
    expect(calendar.isWorkingDay('2026-02-16')).toEqual({ working: false, provisional: false }); // 除夕 2026
    expect(calendar.isWorkingDay('2026-02-14')).toEqual({ working: true, provisional: false });
  });

  it('CMP-7 10 working days after 2024-09-27 is 2024-10-16 (across 国庆 2024)', () => {
    expect(calendar.addWorkingDays('2024-09-27', 10)).toEqual({ date: '2024-10-16', provisional: false });
  });

  it('CMP-7 10 working days after 2026-02-13 is 2026-03-05 (across 春节 2026 and its adjusted Saturdays)', () => {
    expect(calendar.addWorkingDays('2026-02-13', 10)).toEqual({ date: '2026-03-05', provisional: false });
  });

  it('CMP-3 30 working days after 2024-09-27 is 2024-11-13', () => {
    expect(calendar.addWorkingDays('2024-09-27', 30)).toEqual({ date: '2024-11-13', provisional: false });
  });

  it('CMP-7 does not count the day of receipt, even when it is a rest day', () => {
    expect(calendar.addWorkingDays('2024-10-05', 1)).toEqual({ date: '2024-10-08', provisional: false });
    expect(calendar.addWorkingDays('2024-09-28', 1)).toEqual({ date: '2024-09-29', provisional: false });
    expect(calendar.addWorkingDays('2024-09-27', 1)).toEqual({ date: '2024-09-29', provisional: false });
  });

  it('CMP-7 counts back for a negative number and stays put for zero', () => {
    expect(calendar.addWorkingDays('2024-10-16', -10)).toEqual({ date: '2024-09-27', provisional: false });
    expect(calendar.addWorkingDays('2024-10-05', 0)).toEqual({ date: '2024-10-05', provisional: false });
    expect(() => calendar.addWorkingDays('2024-10-05', 1.5)).toThrow(RangeError);
  });

  it('CMP-8 15 calendar days after 2024-09-27 is 2024-10-12, an adjusted working Saturday, so it stands', () => {
    expect(calendar.addCalendarDaysToWorkingDay('2024-09-27', 15)).toEqual({ date: '2024-10-12', provisional: false });
  });

  it('CMP-8 a calendar-day period ending on a rest day ends on the next working day (Civil Code art. 203)', () => {
    expect(calendar.addCalendarDaysToWorkingDay('2024-09-27', 4)).toEqual({ date: '2024-10-08', provisional: false });
    expect(calendar.addCalendarDaysToWorkingDay('2024-09-27', 1)).toEqual({ date: '2024-09-29', provisional: false });
    expect(calendar.addCalendarDaysToWorkingDay('2024-09-20', 1)).toEqual({ date: '2024-09-23', provisional: false });
  });

  it('CMP-8 received 2026-02-10: 10 working days is 2026-03-02, 15 calendar days is 2026-02-25', () => {
    expect(calendar.addWorkingDays('2026-02-10', 10)).toEqual({ date: '2026-03-02', provisional: false });
    expect(calendar.addCalendarDaysToWorkingDay('2026-02-10', 15)).toEqual({ date: '2026-02-25', provisional: false });
  });

  it('CMP-4 adds the extension in calendar days to the working-day due date', () => {
    const due = calendar.addWorkingDays('2024-09-27', 30).date;
    expect(calendar.addCalendarDaysToWorkingDay(due, 30)).toEqual({ date: '2024-12-13', provisional: false });
  });

  it('CAL-2 a date in an unknown year comes back provisional', () => {
    expect(calendar.isWorkingDay('2027-03-03')).toEqual({ working: true, provisional: true });
    expect(calendar.isWorkingDay('2027-03-06')).toEqual({ working: false, provisional: true });
    expect(calendar.addWorkingDays('2027-03-01', 10)).toEqual({ date: '2027-03-15', provisional: true });
    expect(calendar.addCalendarDaysToWorkingDay('2027-03-01', 15)).toEqual({ date: '2027-03-16', provisional: true });
  });

  it('CAL-2 a computation that only touches the next, unknown year is provisional too', () => {
    expect(calendar.addWorkingDays('2026-12-24', 10).provisional).toBe(true);
    expect(calendar.addWorkingDays('2026-12-10', 10)).toEqual({ date: '2026-12-24', provisional: false });
    expect(calendar.addCalendarDaysToWorkingDay('2026-12-20', 15)).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('CAL-2 an unknown year rests on weekends and on the statutory holidays it can compute', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: true }); // 元旦
    expect(calendar.isWorkingDay('2027-02-05')).toEqual({ working: false, provisional: true }); // 除夕
    expect(calendar.isWorkingDay('2027-02-08')).toEqual({ working: false, provisional: true }); // 初三
    expect(calendar.isWorkingDay('2027-02-09')).toEqual({ working: true, provisional: true });
    expect(calendar.isWorkingDay('2027-04-05')).toEqual({ working: false, provisional: true }); // 清明
    expect(calendar.isWorkingDay('2027-06-09')).toEqual({ working: false, provisional: true }); // 端午
    expect(calendar.isWorkingDay('2027-09-15')).toEqual({ working: false, provisional: true }); // 中秋
    expect(calendar.isWorkingDay('2027-10-01')).toEqual({ working: false, provisional: true }); // 国庆
    // 补假 for May 1–2 falling on a weekend is left to the yearly notice, so Monday May 3 stays working.
    expect(calendar.isWorkingDay('2027-05-03')).toEqual({ working: true, provisional: true });
  });

  it('CAL-2 loading a 2027 schedule makes 2027 results final, and leaves the original calendar untouched', () => {
    const loaded = calendar.withYear(HYPOTHETICAL_2027);
    expect(loaded.knownYears()).toContain(2027);
    expect(loaded.addWorkingDays('2027-03-01', 10)).toEqual({ date: '2027-03-15', provisional: false });
    expect(loaded.addWorkingDays('2027-02-04', 2)).toEqual({ date: '2027-02-13', provisional: false });
    expect(loaded.isWorkingDay('2027-02-11')).toEqual({ working: false, provisional: false });
    expect(loaded.isWorkingDay('2027-02-13')).toEqual({ working: true, provisional: false });
    expect(loaded.addCalendarDaysToWorkingDay('2026-12-20', 15)).toEqual({ date: '2027-01-04', provisional: false });
    expect(calendar.knownYears()).not.toContain(2027);
    expect(calendar.addWorkingDays('2027-02-04', 2)).toEqual({ date: '2027-02-10', provisional: true });
  });

  it('CAL-2 a loaded year replaces what the calendar had for it', () => {
    const corrected = calendar.withYear({
      year: 2026,
      holidays: ['2026-01-01'],
      adjustedWorkdays: [],
      source: 'loaded',
    });
    expect(corrected.isWorkingDay('2026-02-16')).toEqual({ working: true, provisional: false });
    expect(corrected.isWorkingDay('2026-02-14')).toEqual({ working: false, provisional: false });
    expect(corrected.scheduleOf(2026)?.source).toBe('loaded');
    expect(calendar.scheduleOf(2026)?.source).toBe('builtin');
    expect(calendar.scheduleOf(2027)).toBeUndefined();
  });

  it('CAL-2 refuses a schedule with a date outside its year, naming the field', () => {
    const attempt = (): WorkingDayCalendar =>
      calendar.withYear({ ...HYPOTHETICAL_2027, holidays: ['2026-12-31', ...HYPOTHETICAL_2027.holidays] });
    expect(attempt).toThrow(ValidationFailed);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationFailed).details).toEqual([
        { field: 'holidays.0', message: 'CAL-2: 2026-12-31 is not in 2027', rule: 'CAL-2' },
      ]);
    }
  });

  it('CAL-2 reminds the operator from December 1 while next year is missing', () => {
    expect(calendar.needsNextYearReminder('2026-11-30')).toBe(false);
    expect(calendar.needsNextYearReminder('2026-12-01')).toBe(true);
    expect(calendar.needsNextYearReminder('2026-12-31')).toBe(true);
    expect(calendar.needsNextYearReminder('2025-12-15')).toBe(false); // 2026 is shipped
    expect(calendar.needsNextYearReminder('2027-01-05')).toBe(true); // still missing, now the current year
    const loaded = calendar.withYear(HYPOTHETICAL_2027);
    expect(loaded.needsNextYearReminder('2026-12-01')).toBe(false);
    expect(loaded.needsNextYearReminder('2027-01-05')).toBe(false);
    expect(loaded.needsNextYearReminder('2027-12-01')).toBe(true);
  });

  it('CAL-2 names the year to load: next year in December, the current year once it has begun unloaded', () => {
    expect(calendar.yearToLoad('2026-11-30')).toBeUndefined();
    expect(calendar.yearToLoad('2026-12-01')).toBe(2027);
    expect(calendar.yearToLoad('2027-01-05')).toBe(2027);
    expect(calendar.yearToLoad('2027-12-05')).toBe(2027);
    expect(calendar.withYear(HYPOTHETICAL_2027).yearToLoad('2027-12-05')).toBe(2028);
  });

  it('CAL-1 counts 250 or so working days in each shipped year', () => {
    for (const year of [2019, 2024, 2025, 2026]) {
      let working = 0;
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
        if (calendar.isWorkingDay(date).working) working += 1;
      }
      expect(working, String(year)).toBeGreaterThanOrEqual(245);
      expect(working, String(year)).toBeLessThanOrEqual(252);
    }
  });
});
