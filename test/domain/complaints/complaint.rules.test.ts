import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import {
  RECEIVED_AT_CLOCK_SKEW_MS,
  acceptReply,
  escalateComplaint,
  extendComplaint,
  receiveComplaint,
  replyToComplaint,
  requireVerification,
  selfIntakeInput,
} from '../../../domain/complaints/complaint.rules.js';
import { isOverdue, isRepliedLate } from '../../../domain/complaints/deadlines.js';
import type { ExtendComplaintBody, ReplyToComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { Conflict, RuleViolation, ValidationFailed } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { INPUT, REPLY, RULES, USCC, at, calendar, contextAt, received, thrown } from './fixtures.js';

/** Deep-freezes a complaint so that a transition that mutated its input would throw. */
function frozen(complaint: Complaint): Complaint {
  const freeze = (value: unknown): void => {
    if (typeof value === 'object' && value !== null) {
      for (const nested of Object.values(value)) freeze(nested);
      Object.freeze(value);
    }
  };
  freeze(complaint);
  return complaint;
}

const EXTENSION: ExtendComplaintBody = { approvedBy: '王经理', reason: '需调取第三方服务机构现场记录', days: 30 };
/** Monday 2024-10-08, the first working day after 国庆 2024; the complaint is due on 2024-10-12. */
const MONDAY = at('2024-10-08T02:00:00Z');
/** Sunday 2024-10-13, the day after the binding due date. */
const OVERDUE_DAY = at('2024-10-13T02:00:00Z');

function expectRuleViolation(fn: () => unknown, ruleId: string, field: string | undefined, status: 400 | 409): RuleViolation {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(RuleViolation);
  expect(error).toMatchObject({ ruleId, field, status });
  // The complaint rules start their messages with the rule id; the kernel's RULES-1 message does not.
  if (ruleId.startsWith('CMP-')) expect((error as RuleViolation).message.startsWith(`${ruleId}:`)).toBe(true);
  return error as RuleViolation;
}

function expectConflict(fn: () => unknown, ruleId?: string): Conflict {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(Conflict);
  expect((error as Conflict).ruleId).toBe(ruleId);
  return error as Conflict;
}

describe('receiving a complaint', () => {
  it('CMP-1 records it OPEN at version 1, with the rule set in force and both clocks started', () => {
    expect(received()).toEqual({
      id: 'c-1',
      tenantId: 't-1',
      enterpriseUscc: USCC,
      policyId: 'p-1',
      channel: 'PHONE',
      receivedAt: '2024-09-27T01:30:00.000Z',
      receivedOn: '2024-09-27',
      request: INPUT.request,
      status: 'OPEN',
      needsVerification: false,
      deadlines: {
        workingDay: { dueOn: '2024-10-16', provisional: false, basis: 'CMP-2' },
        nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
      },
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
      timeline: [{ at: '2024-09-27T02:00:00.000Z', kind: 'RECEIVED', by: 'staff-1', note: 'via PHONE' }],
      createdAt: '2024-09-27T02:00:00.000Z',
      version: 1,
    } satisfies Complaint);
  });

  it.each([
    ['2024-09-26T16:30:00Z', '2024-09-27', '2024-10-16', '00:30 on 9-27 in Xinzhou'],
    ['2024-09-27T00:30:00+08:00', '2024-09-27', '2024-10-16', 'the same instant written with its offset'],
    ['2024-09-26T15:59:59Z', '2024-09-26', '2024-10-15', '23:59:59 on 9-26 in Xinzhou'],
  ])('CMP-7 receivedAt %s is received on %s in Shanghai, due %s (%s)', (receivedAt, receivedOn, dueOn) => {
    const complaint = received({ receivedAt });
    expect(complaint.receivedOn).toBe(receivedOn);
    expect(complaint.deadlines.workingDay?.dueOn).toBe(dueOn);
    expect(complaint.receivedAt).toBe(new Date(receivedAt).toISOString());
  });

  it('CMP-1 refuses an invalid intake, listing every field with its rule', () => {
    const error = thrown(() =>
      receiveComplaint(
        {
          enterpriseUscc: '91140902100000008B',
          receivedAt: '2024-09-27T09:30:00',
          channel: 'FAX' as 'PHONE',
          request: '   ',
          county: '140900',
        },
        contextAt('2024-09-27T02:00:00Z'),
      ),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'enterpriseUscc', rule: 'UW-2' },
      { field: 'receivedAt', rule: 'CAL-1' },
      { field: 'channel', rule: 'CMP-1' },
      { field: 'request', rule: 'CMP-1' },
      { field: 'county', rule: 'SCOPE-5' },
    ]);
  });

  it('CMP-1 keeps the county for ACL-4 and trims the request', () => {
    const complaint = received({ county: '140981', request: '  要求重新排查  ' });
    expect(complaint.county).toBe('140981');
    expect(complaint.request).toBe('要求重新排查');
  });

  it('CMP-1 refuses a receivedAt in the future, beyond a few minutes of clock skew', () => {
    const now = '2024-09-27T02:00:00Z';
    const soon = new Date(Date.parse(now) + RECEIVED_AT_CLOCK_SKEW_MS).toISOString();
    expect(received({ receivedAt: soon }, now).receivedAt).toBe(soon);
    const tooLate = new Date(Date.parse(now) + RECEIVED_AT_CLOCK_SKEW_MS + 1000).toISOString();
    expectRuleViolation(() => received({ receivedAt: tooLate }, now), 'CMP-1', 'receivedAt', 400);
  });

  it('RULES-1 refuses a complaint received before any rule set was in force', () => {
    // XINZHOU_2024 governs from 2024-05-09, the day the notice was issued.
    expectRuleViolation(() => received({ receivedAt: '2024-05-08T10:00:00+08:00' }), 'RULES-1', undefined, 409);
  });

  it('RULES-1 records the version in force on the day of receipt and keeps using it', () => {
    const tighter: RuleSet = { ...XINZHOU_2024, version: 2, effectiveFrom: '2025-01-01', complaintMaxExtensionDays: 10 };
    const rules = { ruleSets: [XINZHOU_2024, tighter], calendar };
    const old = receiveComplaint(INPUT, contextAt('2024-09-27T02:00:00Z', rules)).state;
    const recent = receiveComplaint(
      { ...INPUT, receivedAt: '2025-03-03T10:00:00+08:00' },
      contextAt('2025-03-03T03:00:00Z', rules),
    ).state;
    expect([old.ruleSetVersion, recent.ruleSetVersion]).toEqual([1, 2]);
    // The 2024 complaint keeps version 1's 30 days even when extended after version 2 took effect.
    expect(extendComplaint(old, EXTENSION, 'staff-1', MONDAY, rules).state.extension?.days).toBe(30);
    expectRuleViolation(
      () => extendComplaint(recent, { ...EXTENSION, days: 11 }, 'staff-1', at('2025-03-04T02:00:00Z'), rules),
      'CMP-4',
      'days',
      400,
    );
  });

  it('CMP-1 an enterprise files its own complaint through the CONSOLE, received the moment it is filed', () => {
    const now = at('2024-09-27T12:00:00Z'); // 20:00 in Xinzhou
    const input = selfIntakeInput({ policyId: 'p-1', request: '服务报告与现场不符' }, { enterpriseUscc: USCC, now });
    expect(input).toEqual({
      policyId: 'p-1',
      request: '服务报告与现场不符',
      enterpriseUscc: USCC,
      receivedAt: '2024-09-27T12:00:00.000Z',
      channel: 'CONSOLE',
    });
    const complaint = receiveComplaint(input, { ...contextAt('2024-09-27T12:00:00Z'), by: 'enterprise-user-1' }).state;
    expect(complaint).toMatchObject({ channel: 'CONSOLE', receivedOn: '2024-09-27', status: 'OPEN' });
    expect(complaint.timeline).toEqual([
      { at: '2024-09-27T12:00:00.000Z', kind: 'RECEIVED', by: 'enterprise-user-1', note: 'via CONSOLE' },
    ]);
  });
});

describe('requiring verification', () => {
  it('CMP-3 moves the working-day clock to 30 working days; the NFRA clock stays', () => {
    const complaint = frozen(received());
    const verified = requireVerification(complaint, 'staff-2', MONDAY, RULES).state;
    expect(verified).toMatchObject({
      status: 'OPEN',
      needsVerification: true,
      verificationRequiredAt: '2024-10-08T02:00:00.000Z',
      verificationRequiredBy: 'staff-2',
      version: 2,
      deadlines: {
        workingDay: { dueOn: '2024-11-13', provisional: false, basis: 'CMP-3' },
        nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
      },
    });
    expect(verified.timeline.at(-1)).toEqual({ at: '2024-10-08T02:00:00.000Z', kind: 'VERIFICATION_REQUIRED', by: 'staff-2' });
    expect(complaint.needsVerification).toBe(false);
  });

  it('CMP-3 is required once', () => {
    const verified = requireVerification(received(), 'staff-2', MONDAY, RULES).state;
    expectRuleViolation(() => requireVerification(verified, 'staff-2', MONDAY, RULES), 'CMP-3', 'needsVerification', 409);
  });

  it('CMP-3 cannot lengthen the period of a complaint already overdue, but can on its due date', () => {
    const complaint = received();
    expect(requireVerification(complaint, 'staff-2', at('2024-10-12T15:00:00Z'), RULES).state.needsVerification).toBe(true);
    expectRuleViolation(() => requireVerification(complaint, 'staff-2', OVERDUE_DAY, RULES), 'CMP-3', undefined, 409);
  });

  it('CMP-3 only while the complaint is OPEN', () => {
    const replied = replyToComplaint(received(), REPLY, 'staff-1', MONDAY).state;
    expectConflict(() => requireVerification(replied, 'staff-2', MONDAY, RULES), 'CMP-3');
  });
});

describe('extending a complex case', () => {
  it('CMP-4 adds the days to the working-day due date and records the reason as told to the complainant', () => {
    const extended = extendComplaint(frozen(received()), EXTENSION, 'staff-1', MONDAY, RULES).state;
    expect(extended.extension).toEqual({ ...EXTENSION, toldComplainantOn: '2024-10-08' });
    expect(extended.deadlines).toEqual({
      workingDay: { dueOn: '2024-11-15', provisional: false, basis: 'CMP-4' },
      nfra: { dueOn: '2024-10-28', provisional: false, basis: 'CMP-8' },
      binding: { dueOn: '2024-10-28', clock: 'NFRA', provisional: false },
    });
    expect(extended.version).toBe(2);
    expect(extended.timeline.at(-1)).toEqual({
      at: '2024-10-08T02:00:00.000Z',
      kind: 'EXTENDED',
      by: 'staff-1',
      note: '30 days, approved by 王经理: 需调取第三方服务机构现场记录',
    });
  });

  it('CMP-4 CMP-3 verification and extension combine in either order', () => {
    const verifiedFirst = extendComplaint(requireVerification(received(), 's', MONDAY, RULES).state, EXTENSION, 's', MONDAY, RULES).state;
    const extendedFirst = requireVerification(extendComplaint(received(), EXTENSION, 's', MONDAY, RULES).state, 's', MONDAY, RULES).state;
    expect(verifiedFirst.deadlines.workingDay).toEqual({ dueOn: '2024-12-13', provisional: false, basis: 'CMP-4' });
    expect(extendedFirst.deadlines).toEqual(verifiedFirst.deadlines);
  });

  it('CMP-4 refuses a second extension', () => {
    const extended = extendComplaint(received(), { ...EXTENSION, days: 5 }, 'staff-1', MONDAY, RULES).state;
    const error = expectRuleViolation(
      () => extendComplaint(extended, { ...EXTENSION, days: 5 }, 'staff-1', MONDAY, RULES),
      'CMP-4',
      'extension',
      409,
    );
    expect(error.message).toContain('already extended by 5 days on 2024-10-08');
  });

  it.each([
    [31, 'at most 30 days'],
    [0, 'at least 1'],
    [1.5, 'whole number'],
  ])('CMP-4 refuses %s days, naming the field days', (days, message) => {
    const error = expectRuleViolation(
      () => extendComplaint(received(), { ...EXTENSION, days }, 'staff-1', MONDAY, RULES),
      'CMP-4',
      'days',
      400,
    );
    expect(error.message).toContain(message);
  });

  it('CMP-4 allows exactly the maximum of 30 days', () => {
    expect(extendComplaint(received(), { ...EXTENSION, days: 30 }, 'staff-1', MONDAY, RULES).state.extension?.days).toBe(30);
  });

  it.each([
    ['reason', { ...EXTENSION, reason: '' }],
    ['reason', { ...EXTENSION, reason: '  \n ' }],
    ['reason', { approvedBy: EXTENSION.approvedBy, days: 30 } as ExtendComplaintBody],
    ['approvedBy', { ...EXTENSION, approvedBy: ' ' }],
    ['approvedBy', { reason: EXTENSION.reason, days: 30 } as ExtendComplaintBody],
  ] as const)('CMP-4 refuses an extension without %s', (field, extension) => {
    expectRuleViolation(() => extendComplaint(received(), extension, 'staff-1', MONDAY, RULES), 'CMP-4', field, 400);
  });

  it('CMP-4 cannot revive a complaint already overdue', () => {
    expectRuleViolation(() => extendComplaint(received(), EXTENSION, 'staff-1', OVERDUE_DAY, RULES), 'CMP-4', undefined, 409);
  });

  it('CMP-4 only while the complaint is OPEN', () => {
    const replied = replyToComplaint(received(), REPLY, 'staff-1', MONDAY).state;
    expectConflict(() => extendComplaint(replied, EXTENSION, 'staff-1', MONDAY, RULES), 'CMP-4');
  });
});

describe('replying', () => {
  it('CMP-5 a reply with its four parts makes the complaint REPLIED', () => {
    const complaint = frozen(received());
    const replied = replyToComplaint(complaint, { ...REPLY, measures: `  ${REPLY.measures}  ` }, 'staff-1', MONDAY).state;
    expect(replied).toMatchObject({
      status: 'REPLIED',
      reply: { ...REPLY, repliedAt: '2024-10-08T02:00:00.000Z', repliedBy: 'staff-1' },
      version: 2,
      deadlines: complaint.deadlines,
    });
    expect(replied.timeline.map((entry) => entry.kind)).toEqual(['RECEIVED', 'REPLIED']);
    expect(isOverdue(replied, '2024-12-31')).toBe(false);
    expect(isRepliedLate(replied)).toBe(false);
  });

  it.each(['request', 'facts', 'basis', 'measures'] as const)('CMP-5 refuses a reply without %s, naming the field', (field) => {
    const missing: Partial<ReplyToComplaintBody> = { ...REPLY };
    delete missing[field];
    const error = expectRuleViolation(
      () => replyToComplaint(received(), missing as ReplyToComplaintBody, 'staff-1', MONDAY),
      'CMP-5',
      field,
      400,
    );
    expect(error.message).toContain(`(${field})`);
    expectRuleViolation(
      () => replyToComplaint(received(), { ...REPLY, [field]: ' \t ' }, 'staff-1', MONDAY),
      'CMP-5',
      field,
      400,
    );
  });

  it('CMP-5 a reply without measures is refused naming CMP-5 and measures', () => {
    const { measures: _measures, ...withoutMeasures } = REPLY;
    const error = thrown(() => replyToComplaint(received(), withoutMeasures as ReplyToComplaintBody, 'staff-1', MONDAY));
    expect(error).toEqual(new RuleViolation('CMP-5', 'measures', 'CMP-5: the reply must state the measures taken (measures)', 400));
    expect(error).toMatchObject({ ruleId: 'CMP-5', field: 'measures', status: 400 });
  });

  it('CMP-5 refuses a second reply', () => {
    const replied = replyToComplaint(received(), REPLY, 'staff-1', MONDAY).state;
    const error = expectConflict(() => replyToComplaint(replied, REPLY, 'staff-1', MONDAY), 'CMP-5');
    expect(error.message).toContain('already replied to on 2024-10-08');
    const accepted = acceptReply(replied, 'enterprise-user-1', MONDAY).state;
    expectConflict(() => replyToComplaint(accepted, REPLY, 'staff-1', MONDAY), 'CMP-5');
  });

  it('CMP-5 a late reply is still taken, and shows as late', () => {
    const late = replyToComplaint(received(), REPLY, 'staff-1', at('2024-10-14T02:00:00Z')).state;
    expect(late.status).toBe('REPLIED');
    expect(isRepliedLate(late)).toBe(true);
  });
});

describe('accepting the reply', () => {
  it('CMP-5 the complainant accepts only a reply that exists', () => {
    const complaint = received();
    expect(thrown(() => acceptReply(complaint, 'enterprise-user-1', MONDAY))).toEqual(
      new Conflict('complaint c-1 cannot be accepted: it has no reply to accept yet'),
    );
    const replied = replyToComplaint(complaint, REPLY, 'staff-1', MONDAY).state;
    const accepted = acceptReply(frozen(replied), 'enterprise-user-1', at('2024-10-09T02:00:00Z')).state;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      acceptedAt: '2024-10-09T02:00:00.000Z',
      acceptedBy: 'enterprise-user-1',
      version: 3,
    });
    expect(accepted.timeline.at(-1)).toEqual({ at: '2024-10-09T02:00:00.000Z', kind: 'ACCEPTED', by: 'enterprise-user-1' });
    expect(thrown(() => acceptReply(accepted, 'enterprise-user-1', MONDAY))).toBeInstanceOf(Conflict);
    const escalated = escalateComplaint(replied, { to: 'EMB', reason: '不满意' }, 'enterprise-user-1', MONDAY).state;
    expect((thrown(() => acceptReply(escalated, 'enterprise-user-1', MONDAY)) as Conflict).message).toContain(
      'escalated to the EMB',
    );
  });
});

describe('escalating', () => {
  const replied = (): Complaint => replyToComplaint(received(), REPLY, 'staff-1', MONDAY).state;

  it('CMP-6 a complainant unsatisfied with the reply escalates to the EMB or the NFRA', () => {
    for (const to of ['EMB', 'NFRA'] as const) {
      const escalated = escalateComplaint(frozen(replied()), { to, reason: '对答复意见不满意' }, 'enterprise-user-1', MONDAY).state;
      expect(escalated).toMatchObject({
        status: 'ESCALATED',
        escalation: { to, at: '2024-10-08T02:00:00.000Z', reason: '对答复意见不满意' },
        version: 3,
      });
      expect(escalated.timeline.at(-1)).toEqual({
        at: '2024-10-08T02:00:00.000Z',
        kind: 'ESCALATED',
        by: 'enterprise-user-1',
        note: `to ${to}: 对答复意见不满意`,
      });
    }
  });

  it('CMP-6 before a reply: refused while the insurer is within its time, up to and on the due date', () => {
    const complaint = received(); // due 2024-10-12
    for (const now of [MONDAY, at('2024-10-12T15:59:59Z')]) {
      expectRuleViolation(
        () => escalateComplaint(complaint, { to: 'EMB', reason: '迟迟未答复' }, 'enterprise-user-1', now),
        'CMP-6',
        undefined,
        409,
      );
    }
  });

  it('CMP-6 before a reply: allowed once the reply is overdue, and the late reply still comes', () => {
    const escalated = escalateComplaint(received(), { to: 'NFRA', reason: '超期未答复' }, 'enterprise-user-1', OVERDUE_DAY).state;
    expect(escalated.status).toBe('ESCALATED');
    expect(escalated.reply).toBeUndefined();
    expect(isOverdue(escalated, '2024-10-13')).toBe(true);

    const answered = replyToComplaint(escalated, REPLY, 'staff-1', at('2024-10-14T02:00:00Z')).state;
    expect(answered.status).toBe('ESCALATED');
    expect(answered.reply?.repliedBy).toBe('staff-1');
    expect(isOverdue(answered, '2024-10-14')).toBe(false);
    expect(isRepliedLate(answered)).toBe(true);
    expect(answered.timeline.map((entry) => entry.kind)).toEqual(['RECEIVED', 'ESCALATED', 'REPLIED']);
    expectConflict(() => replyToComplaint(answered, REPLY, 'staff-1', at('2024-10-15T02:00:00Z')), 'CMP-5');
  });

  it('CMP-6 refuses escalating twice, or after the reply was accepted', () => {
    const escalated = escalateComplaint(replied(), { to: 'EMB', reason: '不满意' }, 'enterprise-user-1', MONDAY).state;
    expectConflict(() => escalateComplaint(escalated, { to: 'NFRA', reason: '仍不满意' }, 'enterprise-user-1', MONDAY), 'CMP-6');
    const accepted = acceptReply(replied(), 'enterprise-user-1', MONDAY).state;
    expectConflict(() => escalateComplaint(accepted, { to: 'EMB', reason: '反悔' }, 'enterprise-user-1', MONDAY), 'CMP-6');
  });

  it('CMP-6 refuses an escalation without a reason or to an unknown regulator', () => {
    expectRuleViolation(
      () => escalateComplaint(replied(), { to: 'EMB', reason: ' ' }, 'enterprise-user-1', MONDAY),
      'CMP-6',
      'reason',
      400,
    );
    expectRuleViolation(
      () => escalateComplaint(replied(), { to: 'COURT' as 'EMB', reason: '不满意' }, 'enterprise-user-1', MONDAY),
      'CMP-6',
      'to',
      400,
    );
  });
});

describe('a complaint from receipt to escalation', () => {
  it('CMP-1 CMP-3 CMP-4 CMP-5 CMP-6 each transition adds one entry and one version, never touching its input', () => {
    const steps: Complaint[] = [frozen(received())];
    const push = (next: (last: Complaint) => Complaint): void => {
      const last = steps.at(-1);
      if (last === undefined) throw new Error('no step');
      steps.push(frozen(next(last)));
    };
    push((c) => requireVerification(c, 'staff-2', at('2024-09-29T02:00:00Z'), RULES).state);
    push((c) => extendComplaint(c, EXTENSION, 'staff-2', at('2024-09-30T02:00:00Z'), RULES).state);
    push((c) => replyToComplaint(c, REPLY, 'staff-1', at('2024-10-25T02:00:00Z')).state);
    push((c) => escalateComplaint(c, { to: 'EMB', reason: '不满意' }, 'enterprise-user-1', at('2024-10-28T02:00:00Z')).state);
    expect(steps.map((step) => step.version)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.map((step) => step.status)).toEqual(['OPEN', 'OPEN', 'OPEN', 'REPLIED', 'ESCALATED']);
    expect(steps.at(-1)?.timeline.map((entry) => entry.kind)).toEqual([
      'RECEIVED',
      'VERIFICATION_REQUIRED',
      'EXTENDED',
      'REPLIED',
      'ESCALATED',
    ]);
    expect(steps.map((step) => step.deadlines.binding.dueOn)).toEqual([
      '2024-10-12',
      '2024-10-12',
      '2024-10-28',
      '2024-10-28',
      '2024-10-28',
    ]);
    expect(steps.every((step) => step.timeline.length === step.version)).toBe(true);
  });
});
