import type { Complaint } from '../complaints/complaint.js';
import type { YearLedger } from '../fees/year-ledger.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Hazard } from '../services/hazard.js';
import type { PolicyFacts } from '../services/policy-facts.js';
import type { PreventionService } from '../services/service.js';
import type { Contribution } from './counters.js';
import type { SupervisionNotice } from './notice.js';

/** One bounded read: at most `limit` items, and whether there were more. */
export interface Bounded<T> {
  readonly items: readonly T[];
  readonly more: boolean;
}

/** A policy the workbench looks at for SVC-4, and whether its plan is agreed. */
export interface PolicyPlanFacts {
  readonly policy: PolicyFacts;
  readonly hasPlan: boolean;
}

/**
 * Issue 14 (the insurer's workbench): what `GET /workbench` reads of ONE insurer, each a single read whatever
 * the number of records — one page of each due-date index (GSI2, sorted by due day, so the most overdue come
 * first), one page of the most recently started policies with one batch read of their plans, one page of the
 * 督办 notices, the insurer's own supervision-counter cells of the year, and the fee year's counters.
 */
export interface WorkbenchReads {
  /** SVC-8/SVC-9: services with an open follow-up or archive deadline before `before` (exclusive), earliest first. */
  servicesDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<PreventionService>>;
  /** SVC-7: hazards not yet verified, due before `before`, earliest first. */
  hazardsDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<Hazard>>;
  /** CMP-2..4, CMP-8: complaints awaiting a reply, binding due date before `before`, earliest first. */
  complaintsDue(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<Complaint>>;
  /** SVC-4: the policies the insurer leads starting before `before`, most recent start first, with their plans. */
  recentPolicies(tenantId: string, before: LocalDate, limit: number): Promise<Bounded<PolicyPlanFacts>>;
  /** SUP-3: the insurer's notices, newest first. */
  notices(tenantId: string, limit: number): Promise<Bounded<SupervisionNotice>>;
  /** SVC-1/SVC-2: the insurer's own supervision-counter cells of `year` (every county), never another insurer's. */
  counterCells(tenantId: string, year: number): Promise<Contribution>;
  /** FEE-4/FEE-5: the fee year's counters, if any entry was booked. */
  feeYear(tenantId: string, year: number): Promise<YearLedger | undefined>;
}
