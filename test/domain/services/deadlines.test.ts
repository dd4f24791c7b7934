import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { recomputeServiceDeadlines, serviceCompletedOn, serviceDeadlines } from '../../../domain/services/deadlines.js';
import { reviewFlagsOf } from '../../../domain/services/evidence-flags.js';
import { completeService } from '../../../domain/services/service-record.rules.js';
import { confirmSchedule, scheduleService } from '../../../domain/services/service-schedule.rules.js';
import { archiveService, confirmRecord, recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import type { PreventionService } from '../../../domain/services/service.js';
import {
  COMPLETE_INPUT,
  EXPERT,
  ORG,
  POLICY,
  SCHEDULE_INPUT,
  SHA,
  at,
  completeContext,
  completed,
  completedWith,
  evidenceAt,
  expectViolation,
  frozen,
  scheduled,
} from './fixtures.js';

const calendar = WorkingDayCalendar.builtin();
const RULES = XINZHOU_2024;

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

  it('SVC-8/SVC-9 a multi-day service counts from the day it was completed, not the day it began (服务完成以后)', () => {
    // Begun Wednesday 2024-09-25, ended Sunday 2024-09-29 (an adjusted working day): counted from 09-29.
    const { service } = completedWith(
      { performedAt: '2024-09-25T09:00:00+08:00', endedAt: '2024-09-29T17:00:00+08:00' },
      { evidence: [evidenceAt('2024-09-26T10:00:00+08:00')] },
    );
    expect(service.record).toMatchObject({ performedOn: '2024-09-25', endedAt: '2024-09-29T17:00:00+08:00' });
    expect(service.deadlines).toEqual(serviceDeadlines('2024-09-29', RULES, calendar));
    expect(service.deadlines).toEqual({
      followUp: { dueOn: '2024-10-17', provisional: false },
      archive: { dueOn: '2024-10-31', provisional: false },
    });
    expect(serviceCompletedOn(service.record!)).toBe('2024-09-29');
  });

  it('SVC-8/SVC-9 the day completed is the Asia/Shanghai day of the end, whatever offset it is written in', () => {
    expect(serviceCompletedOn({ endedAt: '2024-09-29T16:30:00Z' })).toBe('2024-09-30');
  });

  it('SVC-9 a service cannot be recorded with an end still to come (it would push its deadlines out)', () => {
    expectViolation(
      () => completedWith({ endedAt: '2024-10-08T17:00:00+08:00' }),
      'SVC-9',
      'endedAt',
      400,
    );
  });

  it('CAL-2 SVC-8/SVC-9 recomputing a multi-day service counts from the day it ended', () => {
    const { service } = completedWith({ performedAt: '2024-09-25T09:00:00+08:00', endedAt: '2024-09-27T17:00:00+08:00' });
    const stale = { ...service, deadlines: serviceDeadlines('2024-09-25', RULES, calendar) };
    expect(recomputeServiceDeadlines(stale, RULES, calendar).state.deadlines).toEqual(serviceDeadlines('2024-09-27', RULES, calendar));
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

/** A 2026–2027 service year, so a service can be performed on Thursday 2026-12-24, the last known year's end. */
const POLICY_2026 = { ...POLICY, periodStart: '2026-07-01', periodEnd: '2027-06-30' };

/** Performed 2026-12-24 09:00–17:00 and recorded that evening, on `calendarOfRecord` (the built-in one by default). */
function performedOnChristmasEve(calendarOfRecord = calendar): PreventionService {
  const service = scheduleService(
    { ...SCHEDULE_INPUT, scheduledAt: '2026-12-24T09:00:00+08:00' },
    { id: 's-2026', policy: POLICY_2026, org: ORG, experts: [EXPERT], now: at('2026-12-01T02:00:00Z'), by: 'staff-1' },
  ).state;
  const confirmedSchedule = confirmSchedule(service, { confirmedByName: '李矿长' }, { recordedBy: 'INSURER', now: at('2026-12-02T02:00:00Z'), by: 'staff-1' }).state;
  return completeService(
    confirmedSchedule,
    { ...COMPLETE_INPUT, performedAt: '2026-12-24T09:00:00+08:00', endedAt: '2026-12-24T17:00:00+08:00' },
    completeContext({
      now: at('2026-12-24T10:00:00Z'),
      calendar: calendarOfRecord,
      evidence: [evidenceAt('2026-12-24T10:00:00+08:00')],
      policy: POLICY_2026,
    }),
  ).service;
}

/** An invented 2027 schedule (the real one is not published in the pinned data): 1-01 and 1-20 off. */
const with2027 = calendar.withYear({ year: 2027, holidays: ['2027-01-01', '2027-01-20'], adjustedWorkdays: [], source: 'loaded' });

describe('CAL-2 recomputeServiceDeadlines', () => {
  it('CAL-2 SVC-8 SVC-9 a service performed 2026-12-24 has provisional deadlines in 2027, unknown to the built-in calendar', () => {
    const service = performedOnChristmasEve();
    expect(service.deadlines).toEqual({
      followUp: { dueOn: '2027-01-08', provisional: true },
      archive: { dueOn: '2027-01-22', provisional: true },
    });
    // Recomputed on the same calendar nothing changes: the very same object, so the caller skips the write.
    expect(recomputeServiceDeadlines(service, RULES, calendar).state).toBe(service);
  });

  it('CAL-2 once 2027 is loaded the deadlines are final, the archive date moves, version + 1, updatedAt kept', () => {
    const service = frozen(performedOnChristmasEve());
    const recomputed = recomputeServiceDeadlines(service, RULES, with2027).state;
    expect(recomputed.deadlines).toEqual({
      followUp: { dueOn: '2027-01-08', provisional: false },
      // 2027-01-20 is a holiday in the loaded schedule: the 20th working day moves to Monday 01-25.
      archive: { dueOn: '2027-01-25', provisional: false },
    });
    expect(recomputed.version).toBe(service.version + 1);
    expect(recomputed.updatedAt).toBe(service.updatedAt);
    const { deadlines: _after, version: _v1, ...restAfter } = recomputed;
    const { deadlines: _before, version: _v0, ...restBefore } = service;
    expect(restAfter).toEqual(restBefore);
    // Final now: a second pass with the same calendar has nothing to do.
    expect(recomputeServiceDeadlines(recomputed, RULES, with2027).state).toBe(recomputed);
  });

  it('CAL-2 SVC-9 a followed-up service: the archive deadline, still open, becomes final too', () => {
    const followed = recordFollowUp(performedOnChristmasEve(), { channel: 'PHONE', satisfaction: 5, comments: '满意' }, { now: at('2027-01-05T02:00:00Z'), by: 'staff-1' }).state;
    expect(followed.followUp?.late).toBe(false);
    const recomputed = recomputeServiceDeadlines(followed, RULES, with2027).state;
    expect(recomputed.status).toBe('FOLLOWED_UP');
    expect(recomputed.deadlines?.archive).toEqual({ dueOn: '2027-01-25', provisional: false });
    expect(recomputed.followUp).toEqual(followed.followUp);
  });

  it('CAL-2 SVC-8 a follow-up judged late against the provisional date is on time on the final one', () => {
    // In this schedule 2027-01-05 is a holiday, so the 10th working day is Monday 01-11, not Friday 01-08.
    const loaded = calendar.withYear({ year: 2027, holidays: ['2027-01-01', '2027-01-05'], adjustedWorkdays: [], source: 'loaded' });
    const followed = recordFollowUp(performedOnChristmasEve(), { channel: 'PHONE', satisfaction: 4, comments: '较满意' }, { now: at('2027-01-11T02:00:00Z'), by: 'staff-1' }).state;
    expect(followed.followUp?.late).toBe(true);
    const recomputed = recomputeServiceDeadlines(followed, RULES, loaded).state;
    expect(recomputed.deadlines?.followUp).toEqual({ dueOn: '2027-01-11', provisional: false });
    expect(recomputed.followUp).toEqual({ ...followed.followUp, late: false });
  });

  it('CAL-2 SVC-10 an archived service keeps the deadlines its sealed record was archived with', () => {
    const followed = recordFollowUp(performedOnChristmasEve(), { channel: 'PHONE', satisfaction: 5, comments: '满意' }, { now: at('2027-01-05T02:00:00Z'), by: 'staff-1' }).state;
    const now = at('2027-01-06T02:00:00Z');
    const insurer = confirmRecord(followed, { party: 'INSURER', signerName: '王经理', signedAt: '2027-01-06T10:00:00+08:00' }, { now, by: 'staff-1' }).state;
    const both = confirmRecord(insurer, { party: 'ENTERPRISE', signerName: '李矿长', signedAt: '2027-01-06T10:05:00+08:00' }, { now, by: 'ent-1' }).state;
    const sealed = archiveService(both, { now: at('2027-01-07T02:00:00Z'), by: 'staff-1', archiveId: 'a-2026', archiveKey: 'archives/a-2026', sha256: SHA }).state;
    expect(sealed.deadlines?.archive.provisional).toBe(true);
    expect(recomputeServiceDeadlines(sealed, RULES, with2027).state).toBe(sealed);
  });

  it('CAL-2 a service not yet performed has no deadlines to recompute', () => {
    const service = scheduled();
    expect(recomputeServiceDeadlines(service, RULES, with2027).state).toBe(service);
  });

  it('RULES-1 refuses a rule set other than the one recorded on the service', () => {
    expectViolation(() => recomputeServiceDeadlines(performedOnChristmasEve(), { ...RULES, version: 2 }, with2027), 'RULES-1', undefined, 409);
  });
});
