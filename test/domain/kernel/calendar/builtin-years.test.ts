import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinCalendarSource, packageDatesOf } from '../../../../infra/codegen/builtin-calendar-source.js';
import { BUILTIN_YEARS } from '../../../../domain/kernel/calendar/builtin-years.js';
import { yearScheduleSchema } from '../../../../domain/kernel/calendar/year-schedule.js';

describe('built-in years', () => {
  it('CAL-1 ships 2004–2026 from chinese-days, each a valid schedule', () => {
    expect(BUILTIN_YEARS.map((schedule) => schedule.year)).toEqual(
      Array.from({ length: 23 }, (_, index) => 2004 + index),
    );
    for (const schedule of BUILTIN_YEARS) {
      expect(schedule.source).toBe('builtin');
      expect(yearScheduleSchema.parse(schedule)).toEqual(schedule);
      expect(schedule.holidays.length, String(schedule.year)).toBeGreaterThan(10);
    }
  });

  it('CAL-1 has the 2024 National Day and 2026 Spring Festival arrangements', () => {
    const year2024 = BUILTIN_YEARS.find((schedule) => schedule.year === 2024);
    expect(year2024?.adjustedWorkdays).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
    const year2026 = BUILTIN_YEARS.find((schedule) => schedule.year === 2026);
    expect(year2026?.holidays.filter((date) => date.startsWith('2026-02'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(year2026?.adjustedWorkdays).toContain('2026-02-14');
    expect(year2026?.adjustedWorkdays).toContain('2026-02-28');
  });
});

describe('the packed copy of chinese-days (domain/kernel/calendar/builtin-years.data.ts)', () => {
  it('CAL-1 is what npm run generate:calendar writes from the installed package', () => {
    const onDisk = readFileSync(new URL('../../../../domain/kernel/calendar/builtin-years.data.ts', import.meta.url), 'utf8');
    expect(onDisk, 'stale: run npm run generate:calendar').toBe(builtinCalendarSource());
  });

  it('CAL-1 decodes to the package’s own holidays and adjusted workdays, year by year', () => {
    for (const schedule of BUILTIN_YEARS) {
      const fromPackage = packageDatesOf(schedule.year);
      expect(schedule.holidays, `${schedule.year} holidays`).toEqual(fromPackage.holidays);
      expect(schedule.adjustedWorkdays, `${schedule.year} adjusted workdays`).toEqual(fromPackage.adjustedWorkdays);
    }
  });
});
