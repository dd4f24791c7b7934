import { addDays } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Policy } from '../underwriting/policy.js';
import type { ServedEnterprise } from './service.js';

/** What the services context needs of a policy (a snapshot taken when a service is scheduled). */
export interface PolicyFacts {
  readonly id: string;
  readonly tenantId: string;
  readonly policyNumber: string;
  readonly enterprise: ServedEnterprise;
  readonly periodStart: LocalDate;
  /** The last day covered (inclusive). */
  readonly periodEnd: LocalDate;
  readonly status: 'ISSUED' | 'CANCELLED';
  /** The first day no longer covered, when cancelled. */
  readonly cancelledOn?: LocalDate;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
}

/**
 * The facts of an underwriting policy the services rules read.
 *
 * @example
 * policyFactsOf(policy).enterprise.industry; // 'COAL_MINE'
 */
export function policyFactsOf(policy: Policy): PolicyFacts {
  const { uscc, name, county, industry, size } = policy.enterprise;
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    policyNumber: policy.policyNumber,
    enterprise: { uscc, name, county, industry, size },
    periodStart: policy.periodStart,
    periodEnd: policy.periodEnd,
    status: policy.status,
    ...(policy.cancellation === undefined ? {} : { cancelledOn: policy.cancellation.on }),
    ruleSetId: policy.ruleSetId,
    ruleSetVersion: policy.ruleSetVersion,
  };
}

/**
 * SVC-1, SVC-4: the days a policy's service year covers. A cancellation records the first day no longer
 * covered, so a cancelled policy's year ends the day before it (or at `periodEnd` when that is earlier).
 *
 * @example
 * serviceYearOf({ periodStart: '2024-07-01', periodEnd: '2025-06-30', cancelledOn: '2025-01-01' });
 * // { start: '2024-07-01', end: '2024-12-31' }
 */
export function serviceYearOf(policy: Pick<PolicyFacts, 'periodStart' | 'periodEnd' | 'cancelledOn'>): { start: LocalDate; end: LocalDate } {
  if (policy.cancelledOn === undefined) return { start: policy.periodStart, end: policy.periodEnd };
  const lastCovered = addDays(policy.cancelledOn, -1);
  return { start: policy.periodStart, end: lastCovered < policy.periodEnd ? lastCovered : policy.periodEnd };
}
