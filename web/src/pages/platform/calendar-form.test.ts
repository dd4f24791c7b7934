import { describe, expect, it } from 'vitest';
import { calendarProblemText, scheduleBodyOf } from './calendar-form';

describe('the calendar form (CAL-2)', () => {
  it('CAL-2: rows of date ranges become one pasted line each, so a refused line names its row', () => {
    expect(
      scheduleBodyOf({
        mode: 'form',
        ranges: [
          { from: '2027-01-01', kind: 'HOLIDAY' },
          { from: '2027-02-06', to: '2027-02-12', kind: 'HOLIDAY' },
          { from: '2027-02-14', to: '2027-02-14', kind: 'WORKDAY' },
        ],
      }),
    ).toEqual({ text: '2027-01-01 休\n2027-02-06~2027-02-12 休\n2027-02-14 班' });
  });

  it('CAL-2: pasted text is sent as typed', () => {
    expect(scheduleBodyOf({ mode: 'paste', text: '2027-01-01 休' })).toEqual({ text: '2027-01-01 休' });
  });
});

describe('the calendar refusals in the console (CAL-2)', () => {
  const t = (key: string, values: Record<string, string>) => `${key}${JSON.stringify(values)}`;

  it('CAL-2: a refused line is named by its number, with what is wrong in the console\'s words', () => {
    expect(calendarProblemText('line 3: 2027-02-30 is not a calendar date', t)).toBe('cal.line{"line":"3","message":"cal.err.date{\\"date\\":\\"2027-02-30\\"}"}');
    expect(calendarProblemText('CAL-2: 2027-03-01 is a weekday, so it cannot be an adjusted working day', t)).toBe('cal.err.weekday{"date":"2027-03-01"}');
    expect(calendarProblemText('something new', t)).toBe('cal.err.other{"message":"something new"}');
  });
});
