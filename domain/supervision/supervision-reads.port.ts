import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { PreventionService, ServiceStatus } from '../services/service.js';
import type { Policy, PolicyStatus } from '../underwriting/policy.js';

/** One page and the opaque cursor of the next (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  /** The rows matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

/**
 * `GET /regulator/insurers/{tenantId}/policies`: filters combine with AND. A search names one way in:
 * `uscc` (the enterprise's policies with this insurer, GSI2), `policyNumber` (the UW-1 uniqueness item) or
 * `enterpriseName` (a contains-filter on the insurer's listing).
 */
export interface SupervisedPolicyQuery {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
  readonly county?: string;
  readonly status?: PolicyStatus;
  readonly uscc?: string;
  readonly policyNumber?: string;
  readonly enterpriseName?: string;
  /** Issue 15's search box: part of the enterprise's name or of the policy number. */
  readonly search?: string;
}

/** `GET /regulator/insurers/{tenantId}/services`: `overdueOn` keeps the services whose next deadline is before that day. */
export interface SupervisedServiceQuery {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
  readonly county?: string;
  readonly status?: ServiceStatus;
  readonly overdueOn?: LocalDate;
}

/**
 * ACL-2/ACL-4: the regulators' read-only view of one insurer's policies and services. The adapter reads through
 * the read-only regulator role, with the insurer's own keys and indexes (keys.ts); it has no write method.
 * A policy is the lead insurer's (a co-insurance member's copy is not listed twice).
 */
export interface SupervisionReads {
  listPolicies(tenantId: string, query: SupervisedPolicyQuery): Promise<Page<Policy>>;
  getPolicy(tenantId: string, policyId: string): Promise<Policy | undefined>;
  listServices(tenantId: string, query: SupervisedServiceQuery): Promise<Page<PreventionService>>;
  getService(tenantId: string, serviceId: string): Promise<PreventionService | undefined>;
}
