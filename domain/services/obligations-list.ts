import * as z from 'zod/mini';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.js';
import type { Policy } from '../underwriting/policy.js';
import type { ObligationStatus, Requirement } from './obligations.schema.js';
import type { ServicePlan } from './service-plan.js';

/**
 * SVC-11 (issue 15): the insurer's obligations across its policies — every requirement still owed, the most
 * pressing first. `overdue`: past its due date; `due-soon`: open and due within {@link DUE_SOON_DAYS} days; `all`:
 * every requirement not yet done.
 */
export const OBLIGATION_FILTERS = ['overdue', 'due-soon', 'all'] as const;
export type ObligationFilter = (typeof OBLIGATION_FILTERS)[number];

/** SVC-11: "due soon" is within a month (the console's amber), wider than a complaint's 3 days because services are planned weeks ahead. */
export const DUE_SOON_DAYS = 30;

/**
 * UW-1: a policy covers at most a year, so a policy whose period started more than a year and a day ago has
 * ended; its year's obligations are settled history, not work to chase.
 */
export const CURRENT_POLICY_DAYS = 367;

/** The first period start whose policy may still be in its service year on `today`. */
export const currentPoliciesFrom = (today: LocalDate): LocalDate => addDays(today, -CURRENT_POLICY_DAYS);

/** One requirement still owed, named by its policy and enterprise. */
export interface ObligationRow extends Omit<Requirement, 'status'> {
  readonly status: 'OPEN' | 'OVERDUE';
  readonly policyId: string;
  readonly policyNumber: string;
  readonly enterpriseUscc: string;
  readonly enterpriseName: string;
  /** SVC-4: the policy has no agreed plan (a PER_PLAN policy's plan lines cannot be evaluated without one). */
  readonly planMissing: boolean;
}

const wanted = (requirement: Requirement, filter: ObligationFilter): boolean =>
  requirement.status === 'OVERDUE'
    ? filter !== 'due-soon'
    : requirement.status === 'OPEN' && (filter === 'all' || (filter === 'due-soon' && requirement.daysLeft <= DUE_SOON_DAYS));

/**
 * SVC-11: the rows of `filter` from each policy's evaluation (evaluateObligations), sorted by days left (most
 * overdue first), then policy number and requirement key, so that paging by position is stable.
 */
export function obligationRows(
  evaluated: readonly { readonly policy: Pick<Policy, 'id' | 'policyNumber' | 'enterprise'>; readonly status: ObligationStatus }[],
  filter: ObligationFilter,
): ObligationRow[] {
  const rows: ObligationRow[] = [];
  for (const { policy, status } of evaluated) {
    for (const requirement of status.requirements) {
      if (!wanted(requirement, filter)) continue;
      rows.push({
        ...requirement,
        status: requirement.status as 'OPEN' | 'OVERDUE',
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        enterpriseUscc: policy.enterprise.uscc,
        enterpriseName: policy.enterprise.name,
        planMissing: status.planMissing,
      });
    }
  }
  return rows.sort(
    (a, b) => a.daysLeft - b.daysLeft || (a.policyNumber < b.policyNumber ? -1 : a.policyNumber > b.policyNumber ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/**
 * SVC-11 (issue 15): what the cross-policy list reads of one tenant, each a bounded request: the policies it leads
 * whose period started in a window (GSI4, by period start), their plans (BatchGetItem per hundred) — and, per
 * policy, its services through the service repository's `servicesOfPolicy` (one Query each).
 */
export interface ObligationReads {
  /** Policies led by the tenant starting between `from` and `through` (both included), at most `max`; `more` if there were others. */
  policiesStarting(tenantId: string, from: LocalDate, through: LocalDate, max: number): Promise<{ readonly policies: readonly Policy[]; readonly more: boolean }>;
  /** The agreed plans of these policies, by policy id (absent: none). */
  plansOf(tenantId: string, policyIds: readonly string[]): Promise<ReadonlyMap<string, ServicePlan>>;
}

export const obligationFilterSchema = z.enum(OBLIGATION_FILTERS);
