import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { serviceDeadlines } from '../../../domain/services/deadlines.js';
import { reviewFlagsOf } from '../../../domain/services/evidence-flags.js';
import { completed, evidenceAt, scheduled } from './fixtures.js';

const calendar = WorkingDayCalendar.builtin();

describe('SVC-8/SVC-9 service deadlines', () => {
  it.each([
    // 国庆 2024: October 1–7 off; Sunday 9-29 and Saturday 10-12 are adjusted working days.
    { performedOn: '2024-09-27', followUp: '2024-10-16', archive: '2024-10-30' },
    // Performed on the adjusted working Saturday itself: that day is not counted.
    { performedOn: '2024-10-12', followUp: '2024-10-25', archive: '2024-11-08' },
    // Performed on a holiday (国庆 day 1): counting starts on the next working day.
    { performedOn: '2024-10-01', followUp: '2024-10-18', archive: '2024-11-01' },
  ])('SVC-8/SVC-9 performed $performedOn: follow-up $followUp, archive $archive', ({ performedOn, followUp, archive }) => {
    expect(serviceDeadlines(performedOn, XINZHOU_2024, calendar)).toEqual({
      followUp: { dueOn: followUp, provisional: false },
      archive: { dueOn: archive, provisional: false },
    });
  });

  it('CAL-2 dates in an unknown year are provisional, and final once the year is loaded', () => {
    const provisional = serviceDeadlines('2026-12-24', XINZHOU_2024, calendar);
    expect(provisional.followUp).toEqual({ dueOn: '2027-01-08', provisional: true });
    expect(provisional.archive).toEqual({ dueOn: '2027-01-22', provisional: true });
    const loaded = calendar.withYear({ year: 2027, holidays: ['2027-01-01', '2027-01-20'], adjustedWorkdays: [], source: 'loaded' });
    expect(serviceDeadlines('2026-12-24', XINZHOU_2024, loaded).archive).toEqual({ dueOn: '2027-01-25', provisional: false });
  });

  it('RULES-1 the working days come from the rule set', () => {
    expect(serviceDeadlines('2024-09-27', { followUpWorkingDays: 1, archiveWorkingDays: 2 }, calendar)).toEqual({
      followUp: { dueOn: '2024-09-29', provisional: false },
      archive: { dueOn: '2024-09-30', provisional: false },
    });
  });
});

describe('SVC-13 reviewFlagsOf', () => {
  it('SVC-13 a service without a record has nothing to check', () => {
    expect(reviewFlagsOf(scheduled())).toEqual([]);
  });

  it('SVC-13 an evidence time nobody can read is flagged like a wrong one', () => {
    const service = { ...completed(), evidence: [evidenceAt('sometime on Friday', 'ev-x')] };
    expect(reviewFlagsOf(service).map((flag) => flag.evidenceId)).toEqual(['ev-x']);
  });
});
