import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Complaint, ComplaintStatus, EscalationTarget } from './complaint.js';

/** One page of complaints and the opaque cursor of the next page (absent on the last page). */
export interface ComplaintPage {
  readonly items: readonly Complaint[];
  readonly nextCursor?: string;
}

/** A page request: `limit` items (the HTTP layer bounds it) after `cursor`. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
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
 * The port of the complaints context; the DynamoDB adapter implements it. Every method is scoped as the
 * access rules require — by tenant (ACL-1), by enterprise (ACL-5) or by county (ACL-4) — so a caller cannot
 * read outside its scope by forgetting a filter. Listings are newest first.
 *
 * @example
 * const complaint = receiveComplaint(input, context);
 * await repository.create(complaint);
 * const next = replyToComplaint(complaint, reply, by, now);
 * await repository.save(next, complaint.version); // StaleVersion if someone changed it meanwhile
 */
export interface ComplaintRepository {
  /** Stores a new complaint (version 1); a `Conflict` if the id is already taken. */
  create(complaint: Complaint): Promise<void>;

  /** ACL-1: the tenant's complaint, or `undefined` — also when it exists under another tenant. */
  get(tenantId: string, complaintId: string): Promise<Complaint | undefined>;

  /** ACL-1: the tenant's complaints, optionally by status and/or overdue on a day. */
  listByTenant(tenantId: string, query: TenantComplaintQuery): Promise<ComplaintPage>;

  /** ACL-5: one enterprise's complaints across all insurers. */
  listByEnterprise(enterpriseUscc: string, query: EnterpriseComplaintQuery): Promise<ComplaintPage>;

  /** CMP-6, ACL-2, ACL-4: escalated complaints of every insurer, for the regulators, optionally of one county. */
  listEscalated(query: EscalatedComplaintQuery): Promise<ComplaintPage>;

  /**
   * Saves `complaint` (its `version` already the next one, as every transition returns it) if the stored one
   * is still `expectedVersion`; otherwise throws `StaleVersion`, and the caller reloads and retries.
   */
  save(complaint: Complaint, expectedVersion: number): Promise<void>;
}
