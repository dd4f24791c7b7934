import { describe, expect, it } from 'vitest';
import { yearScheduleSchema } from '../../../../domain/kernel/calendar/year-schedule.js';

function problems(input: unknown): { path: string; message: string }[] {
  const result = yearScheduleSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

describe('year schedule schema', () => {
  it('CAL-2 accepts a year as the operator loads it and marks it loaded', () => {
    expect(
      yearScheduleSchema.parse({ year: 2027, holidays: ['2027-01-01', '2027-02-05'], adjustedWorkdays: ['2027-02-13'] }),
    ).toEqual({ year: 2027, holidays: ['2027-01-01', '2027-02-05'], adjustedWorkdays: ['2027-02-13'], source: 'loaded' });
  });

  it('CAL-2 refuses a date that lies outside the year', () => {
    expect(problems({ year: 2027, holidays: ['2027-01-01', '2028-01-01'], adjustedWorkdays: ['2026-12-26'] })).toEqual([
      { path: 'holidays.1', message: 'CAL-2: 2028-01-01 is not in 2027' },
      { path: 'adjustedWorkdays.0', message: 'CAL-2: 2026-12-26 is not in 2027' },
    ]);
  });

  it('CAL-2 refuses a date that is both a holiday and an adjusted working day', () => {
    expect(problems({ year: 2027, holidays: ['2027-02-13'], adjustedWorkdays: ['2027-02-13'] })).toEqual([
      { path: 'adjustedWorkdays.0', message: 'CAL-2: 2027-02-13 cannot be both a holiday and an adjusted working day' },
    ]);
  });

  it('CAL-2 refuses an adjusted working day on Monday to Friday, a sign of swapped lists', () => {
    expect(problems({ year: 2027, holidays: [], adjustedWorkdays: ['2027-02-12'] })).toEqual([
      { path: 'adjustedWorkdays.0', message: 'CAL-2: 2027-02-12 is a weekday, so it cannot be an adjusted working day' },
    ]);
  });

  it('CAL-2 refuses malformed dates and years', () => {
    expect(problems({ year: 2027, holidays: ['2027-02-30'], adjustedWorkdays: [] })).toEqual([
      { path: 'holidays.0', message: 'must be a calendar date written YYYY-MM-DD' },
    ]);
    expect(problems({ year: 2027.5, holidays: [], adjustedWorkdays: [] }).map((problem) => problem.path)).toEqual([
      'year',
    ]);
    expect(problems({ year: 2027, holidays: [], adjustedWorkdays: [], source: 'guessed' })).toHaveLength(1);
  });
});
