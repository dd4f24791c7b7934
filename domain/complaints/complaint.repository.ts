import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Changed } from '../kernel/events.js';
import type { Complaint, ComplaintStatus, EscalationTarget } from './complaint.js';

/** One page of complaints and the opaque cursor of the next page (absent on the last page). */
export interface ComplaintPage {
  readonly items: readonly Complaint[];
  readonly nextCursor?: string;
  /** The rows matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

/** A page request: `limit` items (the HTTP layer bounds it) after `cursor`. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

/** An insurer's worklist (`GET /complaints?status=&overdue=`). */
export interface TenantComplaintQuery extends PageRequest {
  readonly status?: ComplaintStatus;
  /**
   * Only complaints overdue on this Asia/Shanghai day, exactly as `isOverdue(complaint, overdueOn)` says:
   * still awaiting a reply and `deadlines.binding.dueOn` before `overdueOn`. The adapter may read a due-date
   * index, but must not disagree with `isOverdue`.
   */
  readonly overdueOn?: LocalDate;
}

/** An enterprise's own complaints (`GET /me/complaints`). */
export interface EnterpriseComplaintQuery extends PageRequest {
  readonly status?: ComplaintStatus;
}

/** The regulators' view of escalated complaints (CMP-6). */
export interface EscalatedComplaintQuery extends PageRequest {
  /** ACL-4: a county EMB passes its county and sees only that county's complaints; city-level callers omit it. */
  readonly county?: string;
  /** Only those taken to this regulator, e.g. the NFRA's own inbox. */
  readonly to?: EscalationTarget;
}

/**
 * The port of the complaints context within one insurer's data; the DynamoDB adapter implements it. Every
 * method is scoped by tenant (ACL-1), so a caller cannot read outside its scope by forgetting a filter.
 * Listings are newest first. A change is stored with the events its transition raised, in one transaction.
 *
 * @example
 * const received = receiveComplaint(input, context);
 * await repository.create(received);
 * const replied = replyToComplaint(received.state, reply, by, now);
 * await repository.save(replied, received.state.version); // StaleVersion if someone changed it meanwhile
 */
export interface ComplaintRepository {
  /** Stores a new complaint (version 1) with its events; a `Conflict` if the id is already taken. */
  create(change: Changed<Complaint>): Promise<void>;

  /** ACL-1: the tenant's complaint, or `undefined` — also when it exists under another tenant. */
  get(tenantId: string, complaintId: string): Promise<Complaint | undefined>;

  /** ACL-1: the tenant's complaints, optionally by status and/or overdue on a day. */
  listByTenant(tenantId: string, query: TenantComplaintQuery): Promise<ComplaintPage>;

  /**
   * Saves `change.state` (its `version` already the next one, as every transition returns it) with its events
   * if the stored one is still `expectedVersion`; otherwise throws `StaleVersion`, and the caller reloads and
   * retries.
   */
  save(change: Changed<Complaint>, expectedVersion: number): Promise<void>;
}

/**
 * The views across insurers, each scoped as the access rules require: one enterprise's complaints (ACL-5) and
 * the regulators' escalated ones, by county (CMP-6, ACL-2, ACL-4). Read-only.
 */
export interface ComplaintViews {
  /** ACL-5: one enterprise's complaint by id, whichever insurer it is against; `undefined` for another's. */
  getForEnterprise(enterpriseUscc: string, complaintId: string): Promise<Complaint | undefined>;

  /** ACL-5: one enterprise's complaints across all insurers. */
  listByEnterprise(enterpriseUscc: string, query: EnterpriseComplaintQuery): Promise<ComplaintPage>;

  /** CMP-6, ACL-2, ACL-4: escalated complaints of every insurer, for the regulators, optionally of one county. */
  listEscalated(query: EscalatedComplaintQuery): Promise<ComplaintPage>;
}

/** What the daily run reads and marks in one insurer's complaints awaiting a reply (the due-date index). */
export interface ComplaintDeadlineSweeps {
  /** CMP-2..4, CMP-8: complaints whose binding due date is before `today` and not yet reported overdue. */
  dueBefore(tenantId: string, today: LocalDate, page: PageRequest): Promise<ComplaintPage>;

  /**
   * Records `report` (from `reportOverdue`) once per complaint: a complaint already reported is not found by
   * `dueBefore` again, and a repeated sweep of the same day sends nothing twice. `StaleVersion` when the
   * complaint changed since it was read.
   */
  recordOverdue(report: Changed<Complaint>, expectedVersion: number, today: LocalDate): Promise<void>;

  /** CAL-2: complaints awaiting a reply with any due date still provisional. */
  provisionalDue(tenantId: string, page: PageRequest): Promise<ComplaintPage>;

  /** CAL-2: saves a complaint whose deadlines were recomputed (`recomputeDeadlines`), as `save` does. */
  save(change: Changed<Complaint>, expectedVersion: number): Promise<void>;
}
