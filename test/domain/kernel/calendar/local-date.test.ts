import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  isLocalDate,
  localDate,
  localDateSchema,
  shanghaiDateOf,
  shanghaiMinuteOf,
  yearOf,
} from '../../../../domain/kernel/calendar/local-date.js';

const MS_PER_DAY = 86_400_000;
/** Any day from 1900 to 2200, built through UTC (which no process time zone affects) as an oracle. */
const utcDays = fc.integer({ min: Date.UTC(1900, 0, 1) / MS_PER_DAY, max: Date.UTC(2200, 11, 31) / MS_PER_DAY });
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

describe('local dates', () => {
  it('CAL-1 accepts only real calendar days written YYYY-MM-DD', () => {
    for (const valid of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01']) expect(isLocalDate(valid)).toBe(true);
    const invalids = [
      '2025-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-2-9',
      '20240929',
      '2024-09-27T00:00:00Z',
      ' 2024-09-27',
      20_240_927,
      undefined,
    ];
    for (const invalid of invalids) {
      expect(isLocalDate(invalid), String(invalid)).toBe(false);
    }
    expect(localDateSchema.parse('2024-09-27')).toBe('2024-09-27');
    expect(localDateSchema.safeParse('2024-09-31').error?.issues[0]?.message).toBe(
      'CAL-1: must be a calendar date written YYYY-MM-DD',
    );
  });

  it('CAL-1 adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-09-27', 0)).toBe('2024-09-27');
    expect(addDays('2024-03-10', 1)).toBe('2024-03-11'); // a DST change in Los Angeles
    expect(() => addDays('2024-09-27', 1.5)).toThrow(RangeError);
    expect(() => addDays('2024-09-31', 1)).toThrow(RangeError);
  });

  it('CAL-1 agrees with UTC date arithmetic for any day and offset', () => {
    fc.assert(
      fc.property(utcDays, fc.integer({ min: -20_000, max: 20_000 }), (day, offset) => {
        expect(addDays(isoOf(day), offset)).toBe(isoOf(day + offset));
        expect(daysBetween(isoOf(day), isoOf(day + offset))).toBe(offset);
        expect(dayOfWeek(isoOf(day))).toBe(new Date(day * MS_PER_DAY).getUTCDay());
        expect(compareLocalDates(isoOf(day), isoOf(day + offset))).toBe(offset === 0 ? 0 : offset > 0 ? -1 : 1);
      }),
    );
  });

  it('CAL-1 gives the day of the week with 0 for Sunday', () => {
    expect(dayOfWeek('2024-09-27')).toBe(5);
    expect(dayOfWeek('2024-09-29')).toBe(0);
    expect(dayOfWeek('2024-10-12')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('CAL-1 orders and measures dates', () => {
    expect(['2024-10-08', '2024-09-27', '2023-12-31'].sort(compareLocalDates)).toEqual([
      '2023-12-31',
      '2024-09-27',
      '2024-10-08',
    ]);
    expect(compareLocalDates('2024-09-27', '2024-09-27')).toBe(0);
    expect(daysBetween('2024-09-27', '2024-10-12')).toBe(15);
    expect(daysBetween('2024-10-12', '2024-09-27')).toBe(-15);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('CAL-1 adds months ending on the last day of a shorter month (Civil Code art. 202)', () => {
    expect(addMonths('2024-05-09', 3)).toBe('2024-08-09');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
  });

  it('CAL-1 builds a date from its parts and reads its year', () => {
    expect(localDate(2024, 9, 27)).toBe('2024-09-27');
    expect(() => localDate(2025, 2, 29)).toThrow(RangeError);
    expect(yearOf('2027-01-04')).toBe(2027);
  });

  it('CAL-1 writes an instant as Xinzhou wall-clock time for Chinese text (MON-2 inspection tasks)', () => {
    expect(shanghaiMinuteOf('2026-12-06T20:07:27.865Z')).toBe('2026-12-07 04:07');
    expect(shanghaiMinuteOf('2024-09-30T15:59:59.999Z')).toBe('2024-09-30 23:59');
    expect(shanghaiMinuteOf(new Date(Date.UTC(1969, 11, 31, 15, 30)))).toBe('1969-12-31 23:30');
  });

  it('CAL-1 takes the Asia/Shanghai day of an instant, whatever the process time zone', () => {
    expect(shanghaiDateOf('2024-09-30T15:59:59.999Z')).toBe('2024-09-30');
    expect(shanghaiDateOf('2024-09-30T16:00:00Z')).toBe('2024-10-01');
    expect(shanghaiDateOf('2024-10-01T00:00:00+08:00')).toBe('2024-10-01');
    expect(shanghaiDateOf('2024-09-30T23:59:59+08:00')).toBe('2024-09-30');
    expect(shanghaiDateOf('2024-09-30T09:00:00-07:00')).toBe('2024-10-01');
    expect(shanghaiDateOf(new Date(Date.UTC(2024, 11, 31, 16)))).toBe('2025-01-01');
    expect(shanghaiDateOf(new Date(Date.UTC(1969, 11, 31, 15)))).toBe('1969-12-31');
  });

  it('CAL-1 refuses an instant whose offset is not stated, because it would be read in the server zone', () => {
    expect(() => shanghaiDateOf('2024-09-30T16:00:00')).toThrow(RangeError);
    expect(() => shanghaiDateOf('2024-09-30')).toThrow(RangeError);
    expect(() => shanghaiDateOf('yesterday')).toThrow(RangeError);
    expect(() => shanghaiDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
