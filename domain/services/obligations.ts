import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { ServiceType } from './service.js';

/**
 * SVC-1, SVC-2, SVC-4, SVC-11: what a policy still owes its enterprise in its policy year.
 * The engine (obligations-engine.ts) is pure and fast: it evaluates 100,000 policies with 400,000 services in
 * well under a second on one core (`npm run bench`).
 */
export type RequirementKey =
  | 'RISK_ASSESSMENT'
  | 'HAZARD_INSPECTION'
  | 'DEEP_INSPECTION'
  | 'FIRST_SERVICE'
  /** A line of the service plan where SVC-1 leaves the services to the plan: `PLAN:<type>[:DEEP]`. */
  | `PLAN:${string}`;

export type RequirementStatus = 'DONE' | 'OPEN' | 'OVERDUE';

export interface Requirement {
  readonly key: RequirementKey;
  /** SVC-1 (table minimums), SVC-2 (first service) or SVC-4 (a plan line). */
  readonly rule: 'SVC-1' | 'SVC-2' | 'SVC-4';
  readonly type?: ServiceType;
  readonly deep?: boolean;
  readonly required: number;
  /** Archived services that count (a service counts once it is archived: SVC-2 "and its archive uploaded"). */
  readonly done: number;
  /** max(required − done, 0). */
  readonly open: number;
  /** Services scheduled or under way that would count once archived. */
  readonly inProgress: number;
  readonly dueBy: LocalDate;
  /** SVC-11: days from `today` to `dueBy` (negative when past). */
  readonly daysLeft: number;
  readonly status: RequirementStatus;
}

export interface ObligationStatus {
  readonly policyId: string;
  /** PER_PLAN where SVC-1 leaves services to the plan (small/micro, other industries). */
  readonly basis: 'TABLE' | 'PER_PLAN';
  readonly requirements: readonly Requirement[];
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  /** SVC-11: days left in the policy year. */
  readonly daysLeftInYear: number;
  readonly allDone: boolean;
  /** PER_PLAN policies without a plan cannot be evaluated; this says so rather than claiming nothing is owed. */
  readonly planMissing: boolean;
}
