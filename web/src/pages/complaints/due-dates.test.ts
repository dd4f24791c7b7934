import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../api';
import { awaitsReply, daysBetween, dueState, isOverdue, otherClock, shanghaiInstant, shanghaiLocalNow, shanghaiToday } from './due-dates';

type DueFields = Pick<Complaint, 'status' | 'reply' | 'deadlines'>;

/** CMP-8's example: received 2026-02-10 → 10 working days 2026-03-02, 15 calendar days 2026-02-25 (binding). */
const open: DueFields = {
  status: 'OPEN',
  deadlines: {
    workingDay: { dueOn: '2026-03-02', provisional: false, basis: 'CMP-2' },
    nfra: { dueOn: '2026-02-25', provisional: false, basis: 'CMP-8' },
    binding: { dueOn: '2026-02-25', clock: 'NFRA', provisional: false },
  },
};

const reply = (repliedAt: string) => ({ request: 'r', facts: 'f', basis: 'b', measures: 'm', repliedAt, repliedBy: 'u' });

describe('complaint due dates', () => {
  it('take today in Asia/Shanghai, not in UTC (CAL-1)', () => {
    expect(shanghaiToday(new Date('2026-02-24T16:30:00Z'))).toBe('2026-02-25');
    expect(shanghaiToday(new Date('2026-02-24T15:59:00Z'))).toBe('2026-02-24');
  });

  it('send a time typed in Xinzhou with its +08:00 offset, and start the field at the current Xinzhou minute', () => {
    expect(shanghaiInstant('2026-11-28T09:30')).toBe('2026-11-28T09:30:00+08:00');
    expect(shanghaiInstant('2026-11-28T09:30:15')).toBe('2026-11-28T09:30:15+08:00');
    expect(shanghaiLocalNow(new Date('2026-11-28T19:34:50Z'))).toBe('2026-11-29T03:34');
  });

  it('count calendar days across months and years', () => {
    expect(daysBetween('2026-02-25', '2026-03-02')).toBe(5);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-25')).toBe(-5);
  });

  it('are on time on the due date itself and overdue the day after (CMP-2…8)', () => {
    expect(isOverdue(open, '2026-02-25')).toBe(false);
    expect(isOverdue(open, '2026-02-26')).toBe(true);
    expect(dueState(open, '2026-02-26')).toEqual({ urgency: 'overdue', daysLeft: -1 });
  });

  it('are orange within 3 days (due today included) and plain before', () => {
    expect(dueState(open, '2026-02-25')).toEqual({ urgency: 'soon', daysLeft: 0 });
    expect(dueState(open, '2026-02-22')).toEqual({ urgency: 'soon', daysLeft: 3 });
    expect(dueState(open, '2026-02-21')).toEqual({ urgency: 'open', daysLeft: 4 });
  });

  it('stop pressing once replied, and tell a late reply (its Shanghai day after the due date)', () => {
    const replied = (at: string) => dueState({ ...open, status: 'REPLIED', reply: reply(at) }, '2026-03-10').urgency;
    expect(replied('2026-02-25T15:59:00Z')).toBe('replied'); // 23:59 in Xinzhou on the due date
    expect(replied('2026-02-25T16:00:00Z')).toBe('repliedLate'); // 00:00 the day after
    expect(replied('2026-02-26T07:59:00+08:00')).toBe('repliedLate'); // still Feb 25 in UTC
  });

  it('keep an escalated complaint without a reply overdue: escalation does not release the insurer', () => {
    const escalated: DueFields = { ...open, status: 'ESCALATED' };
    expect(awaitsReply(escalated)).toBe(true);
    expect(isOverdue(escalated, '2026-03-01')).toBe(true);
    expect(isOverdue({ ...open, status: 'ACCEPTED', reply: reply('2026-02-20T01:00:00Z') }, '2026-03-01')).toBe(false);
  });

  it('show the clock that does not bind as the other one (CMP-8)', () => {
    expect(otherClock(open.deadlines)).toEqual({ clock: 'WORKING_DAY', dueOn: '2026-03-02', provisional: false });
    expect(
      otherClock({
        workingDay: { dueOn: '2026-12-11', provisional: false, basis: 'CMP-2' },
        nfra: { dueOn: '2026-12-14', provisional: true, basis: 'CMP-8' },
        binding: { dueOn: '2026-12-11', clock: 'WORKING_DAY', provisional: false },
      }),
    ).toEqual({ clock: 'NFRA', dueOn: '2026-12-14', provisional: true });
    expect(otherClock({ binding: { dueOn: '2026-12-11', clock: 'WORKING_DAY', provisional: false } })).toBeUndefined();
  });
});
