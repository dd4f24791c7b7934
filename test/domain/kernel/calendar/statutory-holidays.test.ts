import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/kernel/calendar/local-date.js';
import { BUILTIN_YEARS } from '../../../../domain/kernel/calendar/builtin-years.js';
import { lunarDate } from '../../../../domain/kernel/calendar/lunar-calendar.js';
import { statutoryHolidaysOf } from '../../../../domain/kernel/calendar/statutory-holidays.js';
import { WorkingDayCalendar } from '../../../../domain/kernel/calendar/working-day-calendar.js';

describe('statutory holidays of an unknown year', () => {
  it('CAL-2 computes the 13 days of the 2024 measures for 2027', () => {
    expect(statutoryHolidaysOf(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('CAL-2 lists a day once when 中秋 falls on National Day (2031)', () => {
    const holidays = statutoryHolidaysOf(2031);
    expect(holidays.filter((date) => date === '2031-10-01')).toHaveLength(1);
    expect(holidays).toHaveLength(12);
  });

  it('CAL-2 computes only days that were rest days in every shipped year since 2008', () => {
    // 清明, 端午 and 中秋 became holidays in 2008; 除夕 and May 2 only in 2025. Compared by rest day rather than
    // by list, because the data leaves out some holidays that fell on a weekend (端午 2012-06-23).
    const calendar = WorkingDayCalendar.builtin();
    for (const { year } of BUILTIN_YEARS.filter((schedule) => schedule.year >= 2008)) {
      const onlySince2025 = new Set([addDays(lunarDate(year, 1, 1), -1), `${year}-05-02`]);
      const expected = statutoryHolidaysOf(year).filter((date) => year >= 2025 || !onlySince2025.has(date));
      expect(expected.filter((date) => calendar.isWorkingDay(date).working), String(year)).toEqual([]);
    }
  });

  it('CAL-2 falls back to fixed-date holidays outside the lunar table', () => {
    expect(statutoryHolidaysOf(2101)).toEqual([
      '2101-01-01',
      '2101-05-01',
      '2101-05-02',
      '2101-10-01',
      '2101-10-02',
      '2101-10-03',
    ]);
  });

  it('CAL-2 finds 春节, 端午 and 中秋 on the dates of the lunar calendar', () => {
    expect([lunarDate(2027, 1, 1), lunarDate(2028, 1, 1), lunarDate(2030, 1, 1), lunarDate(2035, 1, 1)]).toEqual([
      '2027-02-06',
      '2028-01-26',
      '2030-02-03',
      '2035-02-08',
    ]);
    expect(lunarDate(2028, 8, 15)).toBe('2028-10-03');
    expect(lunarDate(2000, 1, 1)).toBe('2000-02-05');
    expect(() => lunarDate(2101, 1, 1)).toThrow(RangeError);
    expect(() => lunarDate(2027, 13, 1)).toThrow(RangeError);
  });
});
