import { describe, expect, it } from 'vitest';
import { scheduleBodyOf } from './calendar-form';

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
