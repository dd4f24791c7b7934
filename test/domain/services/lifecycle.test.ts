import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { ServiceStatus, PreventionService } from '../../../domain/services/service.js';
import { nextDeadline } from '../../../domain/services/deadlines.js';
import { policyFactsOf, serviceYearOf } from '../../../domain/services/policy-facts.js';
import { completeService, issueHazard, withEvidence } from '../../../domain/services/service-record.rules.js';
import { cancelService, confirmSchedule, scheduleService } from '../../../domain/services/service-schedule.rules.js';
import { archiveService, confirmRecord, recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import type { PolicyFacts } from '../../../domain/services/policy-facts.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import {
  COMPLETE_INPUT,
  EXPERT,
  ORG,
  POLICY,
  REMOVED_EXPERT,
  SCHEDULE_INPUT,
  SHA,
  archived,
  at,
  completeContext,
  completed,
  completedWith,
  confirmed,
  evidenceAt,
  expectViolation,
  followedUp,
  frozen,
  scheduleConfirmed,
  scheduled,
} from './fixtures.js';

const NOW = at('2024-09-20T02:00:00Z');
const schedule = (
  input: Partial<typeof SCHEDULE_INPUT> = {},
  ctx: Partial<Parameters<typeof scheduleService>[1]> = {},
): PreventionService =>
  scheduleService({ ...SCHEDULE_INPUT, ...input }, { id: 's-1', policy: POLICY, org: ORG, experts: [EXPERT], now: NOW, by: 'staff-1', ...ctx }).state;

describe('policyFactsOf and the service year', () => {
  it('SVC-4 takes the enterprise snapshot, period, status and rule set from the policy, with the cancellation day', () => {
    const policy = {
      id: 'p-9',
      tenantId: 't-1',
      policyNumber: 'N-9',
      enterprise: { uscc: POLICY.enterprise.uscc, name: 'E', industry: 'HAZCHEM', size: 'SMALL', county: '140902', employees: 80 },
      periodStart: '2024-07-01',
      periodEnd: '2025-06-30',
      status: 'CANCELLED',
      cancellation: { on: '2025-01-01', reason: '停产', recordedAt: '2024-12-30T00:00:00Z', recordedBy: 'u' },
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
    } as unknown as Policy;
    expect(policyFactsOf(policy)).toEqual({
      id: 'p-9',
      tenantId: 't-1',
      policyNumber: 'N-9',
      enterprise: { uscc: POLICY.enterprise.uscc, name: 'E', county: '140902', industry: 'HAZCHEM', size: 'SMALL' },
      periodStart: '2024-07-01',
      periodEnd: '2025-06-30',
      status: 'CANCELLED',
      cancelledOn: '2025-01-01',
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
    });
  });

  it.each([
    { cancelledOn: undefined, end: '2025-06-30' },
    { cancelledOn: '2025-01-01', end: '2024-12-31' },
    { cancelledOn: '2025-07-01', end: '2025-06-30' },
    { cancelledOn: '2025-09-01', end: '2025-06-30' },
  ])('SVC-4 a policy cancelled on $cancelledOn serves until $end', ({ cancelledOn, end }) => {
    const facts: PolicyFacts = cancelledOn === undefined ? POLICY : { ...POLICY, cancelledOn };
    expect(serviceYearOf(facts)).toEqual({ start: '2024-07-01', end });
  });
});

describe('scheduleService', () => {
  it('SVC-5 records a SCHEDULED service at version 1 with the provider and rule set snapshotted', () => {
    expect(schedule()).toEqual({
      id: 's-1',
      tenantId: 't-1',
      policyId: 'p-1',
      policyNumber: 'AZX-2024-0001',
      enterprise: POLICY.enterprise,
      type: 'HAZARD_INSPECTION',
      deep: true,
      status: 'SCHEDULED',
      scheduledAt: '2024-09-27T09:00:00+08:00',
      scheduledOn: '2024-09-27',
      provider: { kind: 'THIRD_PARTY', orgId: 'org-1', orgName: ORG.name, registrationNumber: ORG.registrationNumber },
      expertIds: ['e-1'],
      plannedItems: ['通风系统', '瓦斯监测'],
      plannedMeasures: '现场检查与资料核查',
      evidence: [],
      hazardIds: [],
      confirmations: {},
      reviewFlags: [],
      ruleSetId: 'xinzhou-2024',
      ruleSetVersion: 1,
      createdAt: '2024-09-20T02:00:00.000Z',
      createdBy: 'staff-1',
      updatedAt: '2024-09-20T02:00:00.000Z',
      version: 1,
    });
  });

  it('SVC-6 an own-team service names no organisation and needs no org record', () => {
    const service = schedule({ provider: { kind: 'OWN' }, deep: undefined, type: 'TRAINING' }, { org: undefined });
    expect(service.provider).toEqual({ kind: 'OWN' });
    expect(service.deep).toBe(false);
  });

  it('SVC-5 the scheduled day is the Asia/Shanghai day of scheduledAt', () => {
    expect(schedule({ scheduledAt: '2024-09-30T16:30:00Z' }).scheduledOn).toBe('2024-10-01');
  });

  it.each(['TRAINING', 'RISK_ASSESSMENT', 'ONLINE_PUSH'] as const)('SVC-3 a deep %s is refused (400)', (type) => {
    expectViolation(() => schedule({ type, deep: true }), 'SVC-3', 'deep', 400);
  });

  it('CAL-1 a scheduledAt without an offset is refused (400)', () => {
    expectViolation(() => schedule({ scheduledAt: '2024-09-27T09:00:00' }), 'CAL-1', 'scheduledAt', 400);
  });

  it.each([
    { scheduledAt: '2024-06-30T23:59:00+08:00', why: 'the day before the period' },
    { scheduledAt: '2025-07-01T00:00:00+08:00', why: 'the day after the period' },
  ])('SVC-4 a day outside the policy period is refused (409): $why', ({ scheduledAt }) => {
    expectViolation(() => schedule({ scheduledAt }), 'SVC-4', 'scheduledAt', 409);
  });

  it('SVC-4 the first and the last day of the period are accepted', () => {
    expect(schedule({ scheduledAt: '2024-07-01T00:00:00+08:00' }).scheduledOn).toBe('2024-07-01');
    expect(schedule({ scheduledAt: '2025-06-30T23:59:00+08:00' }).scheduledOn).toBe('2025-06-30');
  });

  it('SVC-4 a cancelled policy takes no new services (409)', () => {
    expectViolation(
      () => schedule({}, { policy: { ...POLICY, status: 'CANCELLED', cancelledOn: '2025-01-01' } }),
      'SVC-4',
      'policyId',
      409,
    );
  });

  it('SVC-6 a THIRD_PARTY provider without orgId is refused (400)', () => {
    expectViolation(() => schedule({ provider: { kind: 'THIRD_PARTY' } }), 'SVC-6', 'provider.orgId', 400);
  });

  it('SVC-6 an OWN provider with an orgId is refused (400)', () => {
    expectViolation(() => schedule({ provider: { kind: 'OWN', orgId: 'org-1' } }), 'SVC-6', 'provider.orgId', 400);
  });

  it.each([
    { why: 'unregistered (not found)', org: undefined },
    { why: 'a different organisation than named', org: { ...ORG, id: 'org-2' } },
    { why: 'SUSPENDED', org: { ...ORG, status: 'SUSPENDED' as const } },
    { why: 'REVOKED', org: { ...ORG, status: 'REVOKED' as const } },
    { why: 'registration expired before the day', org: { ...ORG, validTo: '2024-09-26' } },
    { why: 'registration not yet valid on the day', org: { ...ORG, validFrom: '2024-09-28' } },
  ])('SVC-6 an organisation that is $why is refused (409)', ({ org }) => {
    expectViolation(() => schedule({}, { org }), 'SVC-6', 'provider.orgId', 409);
  });

  it('SVC-6 an organisation valid exactly on the day (both ends) is accepted', () => {
    expect(schedule({}, { org: { ...ORG, validFrom: '2024-09-27', validTo: '2024-09-27' } }).provider.orgId).toBe('org-1');
  });

  it('SVC-6 an expert not in the pool is refused (409), naming its position', () => {
    expectViolation(() => schedule({ expertIds: ['e-1', 'e-404'] }), 'SVC-6', 'expertIds.1', 409);
  });

  it('SVC-6 a REMOVED expert is refused (409)', () => {
    expectViolation(() => schedule({ expertIds: ['e-2'] }, { experts: [EXPERT, REMOVED_EXPERT] }), 'SVC-6', 'expertIds.0', 409);
  });

  it('SVC-6 an expert named twice is refused (400)', () => {
    expectViolation(() => schedule({ expertIds: ['e-1', 'e-1'] }), 'SVC-6', 'expertIds.1', 400);
  });
});

const STATES: Readonly<Record<ServiceStatus, () => PreventionService>> = {
  SCHEDULED: scheduled,
  SCHEDULE_CONFIRMED: scheduleConfirmed,
  COMPLETED: completed,
  FOLLOWED_UP: followedUp,
  CONFIRMED: confirmed,
  ARCHIVED: archived,
  CANCELLED: () => cancelService(scheduled(), '企业停产', { now: at('2024-09-21T02:00:00Z'), by: 'staff-1' }).state,
};
const LATER = at('2024-10-11T02:00:00Z');

interface Transition {
  readonly name: string;
  readonly legalFrom: readonly ServiceStatus[];
  readonly to: ServiceStatus;
  readonly refusal: (from: ServiceStatus) => string;
  readonly run: (service: PreventionService) => PreventionService;
}

const TRANSITIONS: readonly Transition[] = [
  {
    name: 'confirmSchedule',
    legalFrom: ['SCHEDULED'],
    to: 'SCHEDULE_CONFIRMED',
    refusal: () => 'SVC-5',
    run: (service) => confirmSchedule(service, { confirmedByName: '李矿长' }, { recordedBy: 'ENTERPRISE', now: LATER, by: 'ent-1' }).state,
  },
  {
    name: 'completeService',
    legalFrom: ['SCHEDULE_CONFIRMED'],
    to: 'COMPLETED',
    refusal: (from) => (from === 'SCHEDULED' ? 'SVC-5' : 'SVC-9'),
    run: (service) => completeService(service, COMPLETE_INPUT, completeContext()).service,
  },
  {
    name: 'recordFollowUp',
    legalFrom: ['COMPLETED'],
    to: 'FOLLOWED_UP',
    refusal: () => 'SVC-8',
    run: (service) => recordFollowUp(service, { channel: 'ONLINE', satisfaction: 4, comments: '' }, { now: LATER, by: 'staff-1' }).state,
  },
  {
    name: 'confirmRecord (the second party)',
    legalFrom: ['FOLLOWED_UP'],
    to: 'CONFIRMED',
    refusal: () => 'SVC-9',
    run: (service) => {
      const signedAt = '2024-10-11T10:00:00+08:00';
      const once = confirmRecord(service, { party: 'INSURER', signerName: '王经理', signedAt }, { now: LATER, by: 'staff-1' }).state;
      return confirmRecord(once, { party: 'ENTERPRISE', signerName: '李矿长', signedAt }, { now: LATER, by: 'ent-1' }).state;
    },
  },
  {
    name: 'archiveService',
    legalFrom: ['CONFIRMED'],
    to: 'ARCHIVED',
    refusal: () => 'SVC-9',
    run: (service) => archiveService(service, { now: LATER, by: 'staff-1', archiveId: 'a-9', archiveKey: 'archives/a-9', sha256: SHA }).state,
  },
  {
    name: 'cancelService',
    legalFrom: ['SCHEDULED', 'SCHEDULE_CONFIRMED'],
    to: 'CANCELLED',
    refusal: () => 'SVC-5',
    run: (service) => cancelService(service, '企业停产检修', { now: LATER, by: 'staff-1' }).state,
  },
];

const CASES = TRANSITIONS.flatMap((transition) =>
  (Object.keys(STATES) as ServiceStatus[]).map((from) => ({ transition, from, legal: transition.legalFrom.includes(from) })),
);

describe('every transition from every state', () => {
  it.each(CASES.filter((entry) => entry.legal).map((entry) => [entry.transition.name, entry.from, entry.transition] as const))(
    'SVC-5..9 %s from %s is legal and moves one version on, leaving its input untouched',
    (_name, from, transition) => {
      const before = frozen(STATES[from]());
      const after = transition.run(before);
      expect(after.status).toBe(transition.to);
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.updatedAt).not.toBe(before.updatedAt);
      expect(before.status).toBe(from);
    },
  );

  it.each(CASES.filter((entry) => !entry.legal).map((entry) => [entry.transition.name, entry.from, entry.transition] as const))(
    'SVC-5..9 %s from %s is refused with 409 and its rule',
    (_name, from, transition) => {
      const error = expectViolation(() => transition.run(STATES[from]()), transition.refusal(from), 'status', 409);
      expect(error.message).toContain(from);
    },
  );

  it('each single transition adds exactly one to the version and stamps updatedAt with now', () => {
    const service = scheduled();
    const next = confirmSchedule(service, { confirmedByName: '李矿长' }, { recordedBy: 'ENTERPRISE', now: LATER, by: 'ent-1' }).state;
    expect(next.version).toBe(service.version + 1);
    expect(next.updatedAt).toBe('2024-10-11T02:00:00.000Z');
    expect(next.scheduleConfirmation).toEqual({ recordedBy: 'ENTERPRISE', confirmedByName: '李矿长', at: '2024-10-11T02:00:00.000Z', userId: 'ent-1' });
  });
});

describe('confirmSchedule and cancelService inputs', () => {
  it('SVC-5 a schedule confirmation names who agreed (400)', () => {
    expectViolation(() => confirmSchedule(scheduled(), { confirmedByName: '  ' }, { recordedBy: 'INSURER', now: LATER, by: 'u' }), 'SVC-5', 'confirmedByName', 400);
  });

  it('SVC-5 a cancellation gives its reason (400) and records who and when', () => {
    expectViolation(() => cancelService(scheduled(), '', { now: LATER, by: 'u' }), 'SVC-5', 'reason', 400);
    expect(cancelService(scheduled(), '停产', { now: LATER, by: 'u-2' }).state.cancellation).toEqual({ reason: '停产', at: '2024-10-11T02:00:00.000Z', by: 'u-2' });
  });
});

describe('completeService', () => {
  it('SVC-9 writes the record, keeps the evidence and counts the deadlines from the day performed', () => {
    const { service, hazards } = completedWith();
    expect(hazards).toEqual([]);
    expect(service.record).toEqual({
      performedAt: '2024-09-27T09:00:00+08:00',
      endedAt: '2024-09-27T17:00:00+08:00',
      performedOn: '2024-09-27',
      place: COMPLETE_INPUT.place,
      personnel: COMPLETE_INPUT.personnel,
      items: COMPLETE_INPUT.items,
      measures: '现场检查',
      process: COMPLETE_INPUT.process,
      completedAt: '2024-09-30T02:00:00.000Z',
      completedBy: 'staff-1',
    });
    expect(service.evidence).toEqual([evidenceAt('2024-09-27T10:00:00+08:00')]);
    expect(service.reviewFlags).toEqual([]);
  });

  it('SVC-8/SVC-9 performed Friday 2024-09-27 (before 国庆 2024): follow-up due 2024-10-16, archive due 2024-10-30', () => {
    // 国庆 2024: October 1–7 off, Sunday 9-29 and Saturday 10-12 worked. Working days after 9-27: 9-29, 9-30,
    // 10-8 … 10-11, 10-12, 10-14, 10-15, 10-16 (10th) … 10-29, 10-30 (20th).
    expect(completed().deadlines).toEqual({
      followUp: { dueOn: '2024-10-16', provisional: false },
      archive: { dueOn: '2024-10-30', provisional: false },
    });
  });

  it('SVC-8/CAL-2 a service whose deadlines run into an unknown year (2027) carries the provisional flag', () => {
    const policy = { ...POLICY, periodStart: '2026-07-01', periodEnd: '2027-06-30' };
    const late = scheduleService(
      { ...SCHEDULE_INPUT, scheduledAt: '2026-12-28T09:00:00+08:00' },
      { id: 's-2', policy, org: ORG, experts: [EXPERT], now: at('2026-12-01T00:00:00Z'), by: 'staff-1' },
    ).state;
    const ready = confirmSchedule(late, { confirmedByName: '李矿长' }, { recordedBy: 'INSURER', now: at('2026-12-02T00:00:00Z'), by: 'u' }).state;
    const { service } = completeService(
      ready,
      { ...COMPLETE_INPUT, performedAt: '2026-12-28T09:00:00+08:00', endedAt: '2026-12-28T17:00:00+08:00' },
      completeContext({ now: at('2026-12-29T00:00:00Z'), evidence: [], policy }),
    );
    expect(service.deadlines?.followUp.provisional).toBe(true);
    expect(service.deadlines?.archive.provisional).toBe(true);
    expect(nextDeadline(service)).toEqual({ dueOn: service.deadlines?.followUp.dueOn, kind: 'FOLLOW_UP', provisional: true });
  });

  it('SVC-9 endedAt defaults to the end of the Asia/Shanghai day performed', () => {
    const { endedAt: _endedAt, ...input } = COMPLETE_INPUT;
    expect(completeService(scheduleConfirmed(), input, completeContext()).service.record?.endedAt).toBe('2024-09-27T23:59:59.999+08:00');
  });

  it('SVC-9 a performedAt in the future is refused (400); a few minutes of device skew are tolerated', () => {
    const now = at('2024-09-27T01:00:00Z');
    expectViolation(
      () => completedWith({ performedAt: '2024-09-27T09:06:00+08:00', endedAt: '2024-09-27T10:00:00+08:00' }, { now }),
      'SVC-9',
      'performedAt',
      400,
    );
    expect(completedWith({ performedAt: '2024-09-27T09:04:00+08:00', endedAt: '2024-09-27T10:00:00+08:00' }, { now }).service.status).toBe('COMPLETED');
  });

  it('SVC-9 an endedAt before performedAt is refused (400)', () => {
    expectViolation(() => completedWith({ endedAt: '2024-09-27T08:59:59+08:00' }), 'SVC-9', 'endedAt', 400);
  });

  it('CAL-1 a performedAt without an offset is refused (400)', () => {
    expectViolation(() => completedWith({ performedAt: '2024-09-27 09:00' }), 'CAL-1', 'performedAt', 400);
  });

  it('SVC-4 with the policy given, a day performed outside the service year is refused (409)', () => {
    const policy: PolicyFacts = { ...POLICY, status: 'CANCELLED', cancelledOn: '2024-09-27' };
    expectViolation(() => completedWith({}, { policy }), 'SVC-4', 'performedAt', 409);
    expect(completedWith({}, { policy: { ...POLICY, cancelledOn: '2024-09-28' } }).service.status).toBe('COMPLETED');
  });

  it.each([
    { input: { place: ' ' }, field: 'place' },
    { input: { personnel: [] }, field: 'personnel' },
    { input: { personnel: [{ name: '' }] }, field: 'personnel.0.name' },
    { input: { items: [] }, field: 'items' },
  ])('SVC-9 an incomplete record is refused (400): $field', ({ input, field }) => {
    expectViolation(() => completedWith(input), 'SVC-9', field, 400);
  });

  it('SVC-6 personnel naming an expert outside the pool is refused (409)', () => {
    expectViolation(() => completedWith({ personnel: [{ name: '某人', expertId: 'e-404' }] }), 'SVC-6', 'personnel.0.expertId', 409);
  });

  it('SVC-6 personnel naming a REMOVED expert is refused (409)', () => {
    expectViolation(
      () => completedWith({ personnel: [{ name: '刘工', expertId: 'e-1' }, { name: '陈工', expertId: 'e-2' }] }, { experts: [EXPERT, REMOVED_EXPERT] }),
      'SVC-6',
      'personnel.1.expertId',
      409,
    );
  });

  it('SVC-7 drafts one hazard per finding, OPEN, found on the day performed, with the principal for MAJOR', () => {
    const { service, hazards } = completedWith(
      {
        hazards: [
          { description: '主扇风机备用电源未定期切换试验', grade: 'GENERAL', rectifyBy: '2024-10-15' },
          { description: '采空区密闭墙漏风', grade: 'MAJOR', rectifyBy: '2024-09-27' },
        ],
        principalName: '赵矿长',
      },
      { hazardIds: ['h-1', 'h-2'] },
    );
    expect(service.hazardIds).toEqual(['h-1', 'h-2']);
    expect(hazards[1]).toEqual({
      id: 'h-2',
      tenantId: 't-1',
      serviceId: 's-1',
      policyId: 'p-1',
      enterprise: { uscc: POLICY.enterprise.uscc, name: POLICY.enterprise.name, county: '140902' },
      description: '采空区密闭墙漏风',
      grade: 'MAJOR',
      rectifyBy: '2024-09-27',
      status: 'OPEN',
      foundOn: '2024-09-27',
      verifications: [],
      createdAt: '2024-09-30T02:00:00.000Z',
      updatedAt: '2024-09-30T02:00:00.000Z',
      version: 1,
      principalName: '赵矿长',
    });
  });

  it('SVC-7 a MAJOR hazard without principalName is refused (400)', () => {
    expectViolation(
      () => completedWith({ hazards: [{ description: '瓦斯超限作业', grade: 'MAJOR', rectifyBy: '2024-10-01' }] }, { hazardIds: ['h-1'] }),
      'SVC-7',
      'principalName',
      400,
    );
  });

  it('SVC-7 a rectification deadline before the day found is refused (400)', () => {
    expectViolation(
      () => completedWith({ hazards: [{ description: '灭火器过期', grade: 'GENERAL', rectifyBy: '2024-09-26' }] }, { hazardIds: ['h-1'] }),
      'SVC-7',
      'hazards.0.rectifyBy',
      400,
    );
  });

  it('a mismatch between hazards and pre-generated ids is a programming error', () => {
    expect(() => completedWith({ hazards: [{ description: 'x', grade: 'GENERAL', rectifyBy: '2024-10-01' }] })).toThrow(RangeError);
  });

  it('RULES-1 completing under another rule set version than the service recorded is refused (409)', () => {
    expectViolation(() => completedWith({}, { ruleSet: { ...completeContext().ruleSet, version: 2 } }), 'RULES-1', undefined, 409);
  });

  it('issueHazard attaches the archived notice and drops the principal draft field', () => {
    const { hazards } = completedWith(
      { hazards: [{ description: '采空区密闭墙漏风', grade: 'MAJOR', rectifyBy: '2024-10-15' }], principalName: '赵矿长' },
      { hazardIds: ['h-1'] },
    );
    const notice = { archiveId: 'a-h1', archiveKey: 'tenants/t-1/archives/a-h1/hazard-notice.html', sha256: SHA, issuedAt: '2024-09-30T02:00:00.000Z', addressedTo: '赵矿长' };
    const hazard = issueHazard(hazards[0]!, notice).state;
    expect(hazard.notice).toEqual(notice);
    expect('principalName' in hazard).toBe(false);
  });
});

describe('SVC-13 review flags', () => {
  it('SVC-13 evidence captured outside [performedAt, endedAt] is flagged, once per item; the ends are inside', () => {
    const evidence = [
      evidenceAt('2024-09-27T09:00:00+08:00', 'ev-start'),
      evidenceAt('2024-09-27T17:00:00+08:00', 'ev-end'),
      evidenceAt('2024-09-27T08:59:59+08:00', 'ev-early'),
      evidenceAt('2024-09-26T12:00:00Z', 'ev-other-day'),
    ];
    const { service } = completedWith({}, { evidence });
    expect(service.reviewFlags.map((flag) => [flag.code, flag.evidenceId])).toEqual([
      ['EVIDENCE_OUTSIDE_SERVICE_TIME', 'ev-early'],
      ['EVIDENCE_OUTSIDE_SERVICE_TIME', 'ev-other-day'],
    ]);
    expect(service.reviewFlags[0]?.rule).toBe('SVC-13');
    expect(service.reviewFlags[0]?.message.startsWith('SVC-13:')).toBe(true);
  });

  it('SVC-13 evidence resolved after the record is checked gives the same service as evidence passed with it', () => {
    const evidence = [evidenceAt('2024-09-27T10:00:00+08:00', 'ev-in'), evidenceAt('2024-09-26T12:00:00Z', 'ev-other-day')];
    const together = completedWith({}, { evidence }).service;
    expect(withEvidence(completedWith().service, evidence)).toEqual(together);
    expect(together.reviewFlags.map((flag) => flag.evidenceId)).toEqual(['ev-other-day']);
  });

  it('SVC-13 instants in different offsets compare as instants, not text', () => {
    // 01:30Z is 09:30 in Xinzhou: inside the service even though "01:30" < "09:00" as text.
    expect(completedWith({}, { evidence: [evidenceAt('2024-09-27T01:30:00Z')] }).service.reviewFlags).toEqual([]);
  });

  it('SVC-13 a signature dated before the record was written is accepted but flagged for that party', () => {
    const now = at('2024-10-09T02:00:00Z');
    const service = confirmRecord(
      followedUp(),
      { party: 'ENTERPRISE', signerName: '李矿长', signedAt: '2024-09-29T10:00:00+08:00' },
      { now, by: 'ent-1' },
    ).state;
    expect(service.status).toBe('FOLLOWED_UP');
    expect(service.reviewFlags).toEqual([
      expect.objectContaining({ rule: 'SVC-13', code: 'CONFIRMATION_BEFORE_RECORD', party: 'ENTERPRISE' }),
    ]);
    const both = confirmRecord(service, { party: 'INSURER', signerName: '王经理', signedAt: '2024-10-09T10:00:00+08:00' }, { now, by: 'staff-1' }).state;
    expect(both.status).toBe('CONFIRMED');
    expect(both.reviewFlags.map((flag) => flag.party)).toEqual(['ENTERPRISE']);
  });

  it('SVC-13 a signature exactly at the moment the record was written is not flagged', () => {
    const service = confirmRecord(
      followedUp(),
      { party: 'INSURER', signerName: '王经理', signedAt: '2024-09-30T10:00:00+08:00' },
      { now: at('2024-10-09T02:00:00Z'), by: 'staff-1' },
    ).state;
    expect(service.reviewFlags).toEqual([]);
  });
});

describe('recordFollowUp, confirmRecord, archiveService', () => {
  it('SVC-8 a follow-up on its due day is on time; the day after it is late but recorded', () => {
    const onTime = recordFollowUp(completed(), { channel: 'PHONE', satisfaction: 3, comments: '' }, { now: at('2024-10-16T15:59:00Z'), by: 'u' }).state;
    expect(onTime.followUp).toEqual({ channel: 'PHONE', satisfaction: 3, comments: '', at: '2024-10-16T15:59:00.000Z', by: 'u', late: false });
    const late = recordFollowUp(completed(), { channel: 'ON_SITE', satisfaction: 3, comments: '' }, { now: at('2024-10-16T16:00:00Z'), by: 'u' }).state;
    expect(late.status).toBe('FOLLOWED_UP');
    expect(late.followUp?.late).toBe(true);
  });

  it.each([0, 6, 2.5])('SVC-8 satisfaction %s is refused (400)', (satisfaction) => {
    expectViolation(() => recordFollowUp(completed(), { channel: 'PHONE', satisfaction, comments: '' }, { now: LATER, by: 'u' }), 'SVC-8', 'satisfaction', 400);
  });

  it('SVC-9 one party confirming keeps the record FOLLOWED_UP; the same party again is refused (409)', () => {
    const once = confirmRecord(followedUp(), { party: 'INSURER', signerName: '王经理', signedAt: '2024-10-09T10:00:00+08:00' }, { now: LATER, by: 'staff-1' }).state;
    expect(once.status).toBe('FOLLOWED_UP');
    expect(once.confirmations.insurer).toEqual({
      party: 'INSURER',
      signerName: '王经理',
      signedAt: '2024-10-09T10:00:00+08:00',
      recordedAt: '2024-10-11T02:00:00.000Z',
      userId: 'staff-1',
    });
    expectViolation(
      () => confirmRecord(once, { party: 'INSURER', signerName: '王经理', signedAt: '2024-10-09T10:00:00+08:00' }, { now: LATER, by: 'staff-1' }),
      'SVC-9',
      'party',
      409,
    );
  });

  it('SVC-9 a confirmation names its signer (400) and gives a readable signedAt (CAL-1, 400)', () => {
    expectViolation(() => confirmRecord(followedUp(), { party: 'ENTERPRISE', signerName: '', signedAt: '2024-10-09T10:00:00+08:00' }, { now: LATER, by: 'u' }), 'SVC-9', 'signerName', 400);
    expectViolation(() => confirmRecord(followedUp(), { party: 'ENTERPRISE', signerName: '李', signedAt: 'yesterday' }, { now: LATER, by: 'u' }), 'CAL-1', 'signedAt', 400);
  });

  it('SVC-9 archiving on the due day is on time, the day after is late; the digest and id are kept', () => {
    const onTime = archiveService(confirmed(), { now: at('2024-10-30T10:00:00Z'), by: 'u', archiveId: 'a-1', archiveKey: 'archives/a-1', sha256: SHA }).state;
    expect(onTime.archive).toEqual({ archiveId: 'a-1', archivedAt: '2024-10-30T10:00:00.000Z', archivedOn: '2024-10-30', sha256: SHA, late: false });
    expect(archiveService(confirmed(), { now: at('2024-10-30T16:00:00Z'), by: 'u', archiveId: 'a-1', archiveKey: 'archives/a-1', sha256: SHA }).state.archive?.late).toBe(true);
  });

  it('SVC-10 a digest that is not lower-case hex SHA-256 is refused (400)', () => {
    expectViolation(() => archiveService(confirmed(), { now: LATER, by: 'u', archiveId: 'a-1', archiveKey: 'archives/a-1', sha256: 'A'.repeat(64) }), 'SVC-10', 'sha256', 400);
  });
});

describe('nextDeadline', () => {
  it.each([
    ['SCHEDULED', undefined],
    ['SCHEDULE_CONFIRMED', undefined],
    ['COMPLETED', { dueOn: '2024-10-16', kind: 'FOLLOW_UP', provisional: false }],
    ['FOLLOWED_UP', { dueOn: '2024-10-30', kind: 'ARCHIVE', provisional: false }],
    ['CONFIRMED', { dueOn: '2024-10-30', kind: 'ARCHIVE', provisional: false }],
    ['ARCHIVED', undefined],
    ['CANCELLED', undefined],
  ] as const)('SVC-8/SVC-9 a %s service is next due %j', (status, expected) => {
    expect(nextDeadline(STATES[status]())).toEqual(expected);
  });
});
