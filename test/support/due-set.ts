import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import type { Hazard } from '../../domain/services/hazard.js';
import type { PreventionService } from '../../domain/services/service.js';
import { keys, type ItemKey } from '../../functions/adapters/dynamodb/keys.js';
import { hazardItem, serviceItem } from '../../functions/adapters/dynamodb/service-items.js';

/**
 * Issue 16: what the daily-run test and bench load into the table — a due set around National Day 2026 and the
 * turn of 2026/2027, and filler services that the run must not read.
 */
export type Item = ItemKey & Record<string, unknown>;

export const DUE_SET_ENTERPRISE = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' } as const;
const enterprise = DUE_SET_ENTERPRISE;

export const dueService = (tenantId: string, id: string, status: PreventionService['status'], dueOn: string): Item =>
  serviceItem({
    id,
    tenantId,
    policyId: 'pol-1',
    scheduledOn: '2026-08-01',
    type: 'HAZARD_INSPECTION',
    deep: false,
    status,
    enterprise,
    deadlines: { followUp: { dueOn, provisional: false }, archive: { dueOn, provisional: false } },
    confirmations: {},
  } as unknown as PreventionService) as Item;

export const dueHazard = (tenantId: string, id: string, rectifyBy: string): Item =>
  hazardItem({ id, tenantId, grade: 'GENERAL', status: 'OPEN', rectifyBy, foundOn: '2026-09-01', enterprise } as unknown as Hazard) as Item;

export const dueComplaint = (tenantId: string, id: string, dueOn: string): Item => ({
  ...keys.complaint(tenantId, id),
  kind: 'COMPLAINT',
  GSI2PK: keys.complaintsDue(tenantId),
  GSI2SK: `${dueOn}#${id}`,
  id,
  tenantId,
  enterpriseUscc: enterprise.uscc,
  request: '隐患排查未按服务方案开展',
  deadlines: { binding: { dueOn } },
});

/** The due set every tenant of the test and the bench holds. */
export const dueSet = (tenantId: string): Item[] => [
  dueService(tenantId, 'svc-follow-up-oct9', 'COMPLETED', '2026-10-09'), // SVC-8, 3 working days after Sep 29 (Oct 1–7 off)
  dueService(tenantId, 'svc-archive-oct10', 'FOLLOWED_UP', '2026-10-10'), // SVC-9, Oct 10 an adjusted working Saturday
  dueHazard(tenantId, 'hz-sep28', '2026-09-28'), // SVC-7, past
  dueComplaint(tenantId, 'cmp-sep30', '2026-09-30'), // CMP-2, tomorrow
  dueService(tenantId, 'svc-archive-jan4', 'CONFIRMED', '2027-01-04'), // SVC-9 across the year boundary
  dueComplaint(tenantId, 'cmp-dec28', '2026-12-28'),
];

/**
 * Services due long after the runs, in the same due index, and archived ones out of it: bare items (keys and
 * the due index only), so loading many stays quick.
 */
export function fillerServices(tenantId: string, count: number): Item[] {
  return Array.from({ length: count }, (_, n) => {
    const id = `svc-${n}`;
    const item = { ...keys.service(tenantId, id), kind: 'SERVICE', id, tenantId, status: n % 2 ? 'COMPLETED' : 'ARCHIVED' };
    return n % 2 ? { ...item, GSI2PK: keys.servicesDue(tenantId), GSI2SK: `2027-06-30#${id}` } : item;
  });
}

/** A policy the tenant leads, as the underwriting adapter stores it (the fields SVC-2/SVC-4 read), on GSI4 by start. */
export const duePolicy = (tenantId: string, id: string, periodStart: string, periodEnd: string): Item => ({
  ...keys.policy(tenantId, id),
  kind: 'POLICY',
  GSI4PK: keys.policiesByStart(tenantId),
  GSI4SK: `${periodStart}#${id}`,
  id,
  tenantId,
  policyNumber: `PAAA2026${id}`,
  enterprise: { ...enterprise, employees: 120 },
  periodStart,
  periodEnd,
  status: 'ISSUED',
  ruleSetId: 'xinzhou-2024',
  ruleSetVersion: 1,
});

/** SVC-4: a plan agreed for the policy (no lines: what SVC-2 reads is only that it exists). */
export const agreedPlan = (tenantId: string, policyId: string): Item => ({
  ...keys.servicePlan(tenantId, policyId),
  kind: 'SERVICE_PLAN',
  tenantId,
  policyId,
  items: [],
});

/** The platform as the sweep sees it: one onboarded tenant. */
export const onlyTenant = (tenantId: string): PlatformRepository =>
  ({ listTenants: async () => ({ items: [{ id: tenantId }] }) }) as unknown as PlatformRepository;
