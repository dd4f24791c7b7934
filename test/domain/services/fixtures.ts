/**
 * Shared setup of the services tests: a coal-mine policy for 2024-07-01 – 2025-06-30, a registered third-party
 * organisation, two pool experts (one removed), and a service walked to each state of its lifecycle, performed
 * on Friday 2024-09-27 (the notice's example date, just before 国庆 2024). Not a test file itself.
 */
import { expect } from 'vitest';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { Expert } from '../../../domain/register/expert.js';
import type { ServiceOrg } from '../../../domain/register/service-org.js';
import type { CompleteServiceInput, ScheduleServiceInput } from '../../../domain/services/service.schema.js';
import { completeService } from '../../../domain/services/service-record.rules.js';
import { confirmSchedule, scheduleService } from '../../../domain/services/service-schedule.rules.js';
import { archiveService, confirmRecord, recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import type { PolicyFacts } from '../../../domain/services/policy-facts.js';
import type { CompleteServiceContext } from '../../../domain/services/service-record.rules.js';
import type { EvidenceItem, PreventionService } from '../../../domain/services/service.js';

export const calendar = WorkingDayCalendar.builtin();
export const RULES = XINZHOU_2024;
export const USCC = '91140902100000008A';
export const SHA = 'a'.repeat(64);

export const at = (iso: string): Date => new Date(iso);

export const POLICY: PolicyFacts = {
  id: 'p-1',
  tenantId: 't-1',
  policyNumber: 'AZX-2024-0001',
  enterprise: { uscc: USCC, name: '忻州示范煤业有限公司', county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' },
  periodStart: '2024-07-01',
  periodEnd: '2025-06-30',
  status: 'ISSUED',
  ruleSetId: 'xinzhou-2024',
  ruleSetVersion: 1,
};

export const ORG: ServiceOrg = {
  id: 'org-1',
  name: '忻州安泰安全技术服务有限公司',
  uscc: '91140900MA0000000X',
  registrationNumber: 'XZ-AQFW-2024-001',
  status: 'ACTIVE',
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
  scope: ['HAZARD_INSPECTION', 'RISK_ASSESSMENT'],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  updatedBy: 'emb-1',
  version: 1,
};

export const EXPERT: Expert = {
  id: 'e-1',
  name: '刘工',
  specialties: ['煤矿通风'],
  status: 'ACTIVE',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  updatedBy: 'emb-1',
  version: 1,
};
export const REMOVED_EXPERT: Expert = { ...EXPERT, id: 'e-2', name: '陈工', status: 'REMOVED' };

export const SCHEDULE_INPUT: ScheduleServiceInput = {
  policyId: 'p-1',
  type: 'HAZARD_INSPECTION',
  deep: true,
  scheduledAt: '2024-09-27T09:00:00+08:00',
  provider: { kind: 'THIRD_PARTY', orgId: 'org-1' },
  expertIds: ['e-1'],
  plannedItems: ['通风系统', '瓦斯监测'],
  plannedMeasures: '现场检查与资料核查',
};

/** Captured during the service (09:00–17:00 on 2024-09-27 in Xinzhou). */
export function evidenceAt(capturedAt: string, id = 'ev-1'): EvidenceItem {
  return {
    id,
    kind: 'PHOTO',
    archiveKey: `tenants/t-1/uploads/${id}/photo.jpg`,
    sha256: SHA,
    size: 1024,
    contentType: 'image/jpeg',
    capturedAt,
    capturedBy: '刘工',
    location: { latitude: 38.41, longitude: 112.73 },
  };
}

export const COMPLETE_INPUT: CompleteServiceInput = {
  performedAt: '2024-09-27T09:00:00+08:00',
  endedAt: '2024-09-27T17:00:00+08:00',
  place: '忻州示范煤业 主井工业广场',
  personnel: [{ name: '刘工', role: '专家', expertId: 'e-1' }, { name: '张安全' }],
  items: ['通风系统', '瓦斯监测'],
  measures: '现场检查',
  process: '听取汇报、现场检查、反馈意见',
  hazards: [],
  evidence: [{ uploadId: 'ev-1', kind: 'PHOTO', capturedAt: '2024-09-27T10:00:00+08:00', capturedBy: '刘工' }],
};

/** After the service: Monday 2024-09-30 10:00 in Xinzhou. */
export const COMPLETED_AT = at('2024-09-30T02:00:00Z');

export function completeContext(overrides: Partial<CompleteServiceContext> = {}): CompleteServiceContext {
  return {
    now: COMPLETED_AT,
    by: 'staff-1',
    calendar,
    ruleSet: RULES,
    hazardIds: [],
    evidence: [evidenceAt('2024-09-27T10:00:00+08:00')],
    experts: [EXPERT],
    ...overrides,
  };
}

export const scheduled = (input: Partial<ScheduleServiceInput> = {}): PreventionService =>
  scheduleService({ ...SCHEDULE_INPUT, ...input }, { id: 's-1', policy: POLICY, org: ORG, experts: [EXPERT], now: at('2024-09-20T02:00:00Z'), by: 'staff-1' }).state;

export const scheduleConfirmed = (): PreventionService =>
  confirmSchedule(scheduled(), { confirmedByName: '李矿长' }, { recordedBy: 'INSURER', now: at('2024-09-21T02:00:00Z'), by: 'staff-1' }).state;

export function completedWith(
  input: Partial<CompleteServiceInput> = {},
  ctx: Partial<CompleteServiceContext> = {},
): ReturnType<typeof completeService> {
  return completeService(scheduleConfirmed(), { ...COMPLETE_INPUT, ...input }, completeContext(ctx));
}

export const completed = (): PreventionService => completedWith().service;

export const followedUp = (): PreventionService =>
  recordFollowUp(completed(), { channel: 'PHONE', satisfaction: 5, comments: '满意' }, { now: at('2024-10-08T02:00:00Z'), by: 'staff-1' }).state;

export function confirmed(): PreventionService {
  const now = at('2024-10-09T02:00:00Z');
  const insurer = confirmRecord(followedUp(), { party: 'INSURER', signerName: '王经理', signedAt: '2024-10-09T10:00:00+08:00' }, { now, by: 'staff-1' }).state;
  return confirmRecord(insurer, { party: 'ENTERPRISE', signerName: '李矿长', signerTitle: '矿长', signedAt: '2024-10-09T10:05:00+08:00' }, { now, by: 'ent-1' }).state;
}

export const archived = (): PreventionService =>
  archiveService(confirmed(), { now: at('2024-10-10T02:00:00Z'), by: 'staff-1', archiveId: 'a-1', archiveKey: 'archives/a-1', sha256: SHA }).state;

export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected an error to be thrown');
}

/** Asserts a RuleViolation with this rule, field and status, whose message starts with the rule id. */
export function expectViolation(fn: () => unknown, ruleId: string, field: string | undefined, status: 400 | 409): RuleViolation {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(RuleViolation);
  expect(error).toMatchObject({ ruleId, field, status });
  expect((error as RuleViolation).message.startsWith(`${ruleId}:`)).toBe(true);
  return error as RuleViolation;
}

/** Deep-freezes a value so a transition that mutated its input would throw. */
export function frozen<T>(value: T): T {
  const freeze = (nested: unknown): void => {
    if (typeof nested === 'object' && nested !== null) {
      for (const inner of Object.values(nested)) freeze(inner);
      Object.freeze(nested);
    }
  };
  freeze(value);
  return value;
}
