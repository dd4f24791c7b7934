import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { DomainEvent } from '../kernel/events.js';
import type { Industry } from '../kernel/industry.js';
import type { Policy, PolicyStatus } from './policy.js';
import type { PolicyNumbering } from './policy-number.js';

/** One page of policies and the opaque cursor of the next page (absent on the last page). */
export interface PolicyPage {
  readonly items: readonly Policy[];
  readonly nextCursor?: string;
  /** The policies matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

/** A page request: `limit` items (the HTTP layer bounds it) after `cursor`. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

/** An insurer's policy list (`GET /policies?status=&industry=&county=`); filters combine with AND. */
export interface TenantPolicyQuery extends PageRequest {
  readonly status?: PolicyStatus;
  /** The enterprise snapshot's industry (SCOPE-1). */
  readonly industry?: Industry;
  /** The enterprise snapshot's county (SCOPE-5). */
  readonly county?: string;
  /** Issue 15: part of the enterprise's name or of the policy number, or the enterprise's USCC. */
  readonly q?: string;
}

/**
 * The port of the underwriting context for policies; the DynamoDB adapter implements it. Every read is scoped
 * by tenant (ACL-1), so a caller cannot read outside its scope by forgetting a filter:
 *
 * - `get`, `getByPolicyNumber`, `listByTenant` answer only policies the tenant **issued** (it is the lead) —
 *   the write path (endorse, cancel) loads through `get`, which is how "writable by the lead only" holds;
 * - `getVisible`, `listVisibleToMember` add co-insured policies the tenant is a member of — read only.
 *
 * Listings are newest first (by `createdAt`).
 *
 * @example
 * const issued = issuePolicy(body, context);
 * await policies.create(issued.state, issued.events);               // Conflict (UW-1) if the number is taken
 * const cancelled = cancelPolicy(issued.state, { on, reason }, now, by);
 * await policies.save(cancelled.state, issued.state.version, cancelled.events); // StaleVersion if changed meanwhile
 */
export interface PolicyRepository {
  /**
   * Stores a new policy (version 1). Policy numbers are unique per insurer (UW-1): the adapter enforces it in
   * the same transaction (a uniqueness item keyed by tenant and number) and throws `Conflict` with rule UW-1
   * when the number is taken; also `Conflict` if the id is taken. `events` go to the outbox in the same
   * transaction.
   */
  create(policy: Policy, events: readonly DomainEvent[], numbering?: PolicyNumbering): Promise<void>;

  /**
   * UW-1 (issue 15): the last sequence of the insurer's generated policy numbers in `year` (0 before the first).
   * `create` with `numbering` takes the next one in the policy's transaction and throws `StaleVersion` (or
   * `Conflict` for the year's first) when another issue took it first: read again and retry.
   */
  policyNumberSequence(tenantId: string, year: number): Promise<number>;

  /** ACL-1: the tenant's own (lead) policy, or `undefined` — also when it exists under another tenant. */
  get(tenantId: string, policyId: string): Promise<Policy | undefined>;

  /** UW-1: the tenant's policy with this number, or `undefined`; for a friendly check before `create`. */
  getByPolicyNumber(tenantId: string, policyNumber: string): Promise<Policy | undefined>;

  /** ACL-1: the tenant's own (lead) policies, optionally by status, industry and county. */
  listByTenant(tenantId: string, query: TenantPolicyQuery): Promise<PolicyPage>;

  /**
   * UW-9: the enterprise's policies the tenant takes part in — as lead or as co-insurance member — that may
   * still cover a day on or after `coveringFrom` (their `periodEnd` is not before it), cancelled ones included
   * (the domain counts only the days they still cover). Not paginated: an enterprise holds a handful.
   */
  listByEnterpriseForTenant(tenantId: string, enterpriseUscc: string, coveringFrom: LocalDate): Promise<readonly Policy[]>;

  /** ACL-1: a policy the tenant issued or is a co-insurance member of (read only), or `undefined`. */
  getVisible(tenantId: string, policyId: string): Promise<Policy | undefined>;

  /** ACL-1: co-insured policies led by another tenant in which this tenant is a member (read only). */
  listVisibleToMember(tenantId: string, query: TenantPolicyQuery): Promise<PolicyPage>;

  /**
   * Saves `policy` (its `version` already the next one, as every transition returns it) if the stored one is
   * still `expectedVersion`; otherwise throws `StaleVersion`, and the caller reloads and retries. `events` go to
   * the outbox in the same transaction.
   */
  save(policy: Policy, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;

  /** ACL-5: one enterprise's own policies across insurers (read only), newest first. */
  listByEnterprise(enterpriseUscc: string, page: PageRequest): Promise<PolicyPage>;
}
