import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { parsePastedSchedule } from '../../../domain/platform/calendar-paste.js';
import { previewOf } from '../../../domain/platform/calendar-preview.js';

const problemsOf = (text: string) => {
  try {
    parsePastedSchedule(text);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.details;
    throw error;
  }
  throw new Error('parsed');
};

describe('the pasted State Council schedule (CAL-2)', () => {
  it('CAL-2: days and ranges marked 休 or 班, comments and blank lines skipped, sorted without repeats', () => {
    const text = ['# 2027年节假日安排', '', '2027-02-06~2027-02-08 休 春节', '2027-01-01 休', '2027-02-14 班', '2027-02-07 休', '2027-10-01 至 2027-10-02 假', '2027-09-26 work'].join('\r\n');
    expect(parsePastedSchedule(text)).toEqual({
      holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-10-01', '2027-10-02'],
      adjustedWorkdays: ['2027-02-14', '2027-09-26'],
    });
  });

  it('CAL-2: every bad line is named by its number, all at once', () => {
    expect(problemsOf('2027-01-01 休\n2027-13-01 休\n2027-02-10~2027-02-01 休\n元旦放假\n2027-01-01~2027-03-01 休')).toEqual([
      { field: 'text', rule: 'CAL-2', message: 'line 2: 2027-13-01 is not a calendar date' },
      { field: 'text', rule: 'CAL-2', message: 'line 3: the range ends (2027-02-01) before it starts (2027-02-10)' },
      expect.objectContaining({ message: expect.stringMatching(/^line 4: "元旦放假" is not/) }),
      expect.objectContaining({ message: expect.stringMatching(/^line 5: a range of more than 31 days/) }),
    ]);
  });

  it('CAL-2: a paste with no day at all is refused', () => {
    expect(problemsOf('# nothing\n\n')).toEqual([expect.objectContaining({ field: 'text', rule: 'CAL-2', message: expect.stringMatching(/^no day given/) })]);
  });
});

describe('the preview of a year (CAL-2)', () => {
  it('CAL-2: provisional deadlines counted by where they move, become final in place, or stay provisional; final ones ignored', () => {
    const change = (deadline: 'COMPLAINT_REPLY' | 'SERVICE_ARCHIVE', before: string, after: string, provisional = [true, false]) => ({
      deadline,
      before: { dueOn: before, provisional: provisional[0] as boolean },
      after: { dueOn: after, provisional: provisional[1] as boolean },
    });
    expect(
      previewOf(2027, [
        change('SERVICE_ARCHIVE', '2027-01-04', '2027-01-05'),
        change('SERVICE_ARCHIVE', '2027-01-04', '2027-01-05'),
        change('COMPLAINT_REPLY', '2027-01-04', '2027-01-06'),
        change('COMPLAINT_REPLY', '2027-01-08', '2027-01-08'),
        change('COMPLAINT_REPLY', '2028-01-03', '2028-01-03', [true, true]),
        change('SERVICE_ARCHIVE', '2026-12-30', '2026-12-31', [false, false]),
      ]),
    ).toEqual({
      year: 2027,
      moves: [
        { deadline: 'COMPLAINT_REPLY', from: '2027-01-04', to: '2027-01-06', count: 1 },
        { deadline: 'SERVICE_ARCHIVE', from: '2027-01-04', to: '2027-01-05', count: 2 },
      ],
      confirmed: 1,
      stillProvisional: 1,
    });
  });
});
