/**
 * Shared setup of the complaints tests: the shipped calendar and rule set, a made-up 2027 schedule, and a
 * complaint received on 2024-09-27 (the notice's own example date). Not a test file itself.
 */
import { expect } from 'vitest';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import { receiveComplaint } from '../../../domain/complaints/complaint.rules.js';
import type { ReceiveContext } from '../../../domain/complaints/complaint.rules.js';
import type { ComplaintRules } from '../../../domain/complaints/deadlines.js';
import type { ReceiveComplaintInput } from '../../../domain/complaints/complaint.schema.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import type { YearSchedule } from '../../../domain/kernel/calendar/year-schedule.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';

export const calendar = WorkingDayCalendar.builtin();
export const RULES: ComplaintRules = { ruleSets: [XINZHOU_2024], calendar };

/** A valid 统一社会信用代码 (check character computed in test/domain/kernel/uscc.test.ts). */
export const USCC = '91140902100000008A';

/**
 * A made-up 2027 schedule (the State Council had not published 2027 when this was written), the same as the
 * kernel's calendar tests use: 春节 February 5–11 off, Saturday February 13 made a working day.
 */
export const HYPOTHETICAL_2027: YearSchedule = {
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

export const at = (iso: string): Date => new Date(iso);

/** An insurer's phone intake received Friday 2024-09-27 09:30 in Xinzhou. */
export const INPUT: ReceiveComplaintInput = {
  policyId: 'p-1',
  enterpriseUscc: USCC,
  receivedAt: '2024-09-27T09:30:00+08:00',
  channel: 'PHONE',
  request: '第三方服务机构未按约定开展隐患排查，要求重新排查',
};

export function contextAt(now: string, overrides: Partial<ReceiveContext> = {}): ReceiveContext {
  return { id: 'c-1', tenantId: 't-1', by: 'staff-1', now: at(now), ...RULES, ...overrides };
}

/** The complaint of {@link INPUT}, recorded half an hour after receipt. */
export function received(input: Partial<ReceiveComplaintInput> = {}, now = '2024-09-27T02:00:00Z'): Complaint {
  return receiveComplaint({ ...INPUT, ...input }, contextAt(now)).state;
}

export const REPLY = {
  request: '要求重新开展隐患排查',
  facts: '经核实，服务机构9月排查漏检两处',
  basis: '服务合同第5条；现场记录',
  measures: '已安排10月8日复查并更换人员',
};

/** What `fn` throws, so a test can look at every property of the error rather than only its class. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected an error to be thrown');
}
