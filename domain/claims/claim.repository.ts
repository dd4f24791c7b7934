import type { Changed } from '../kernel/events.js';
import type { Claim, ClaimOutcome, ClaimStatus } from './claim.js';

/** One page of claims, the opaque cursor of the next one and, on the first page of a list, the total. */
export interface ClaimPage {
  readonly items: readonly Claim[];
  readonly nextCursor?: string;
  readonly total?: number;
}

export interface ClaimPageRequest {
  readonly limit: number;
  readonly cursor?: string;
  readonly withTotal?: boolean;
}

/** The insurer's claims (`GET /claims?status=&outcome=&q=`); filters combine with AND. */
export interface TenantClaimQuery extends ClaimPageRequest {
  readonly status?: ClaimStatus;
  readonly outcome?: ClaimOutcome;
  /** Part of the enterprise's name or of the policy number. */
  readonly q?: string;
}

/**
 * The claims of one insurer (ACL-1); the DynamoDB adapter implements it. Listings are newest first. A change is
 * stored with the events its transition raised, in one transaction.
 */
export interface ClaimRepository {
  /** Stores a new claim (version 1) with its events; `Conflict` if the id is taken. */
  create(change: Changed<Claim>): Promise<void>;
  /** ACL-1: the tenant's claim, or `undefined` — also when it is another tenant's. */
  get(tenantId: string, claimId: string): Promise<Claim | undefined>;
  listByTenant(tenantId: string, query: TenantClaimQuery): Promise<ClaimPage>;
  /** Saves `change.state` if the stored claim is still `expectedVersion`; otherwise `StaleVersion`. */
  save(change: Changed<Claim>, expectedVersion: number): Promise<void>;
}

/** The read-only views across insurers: one enterprise's claims (ACL-5) and the regulators' declines (ACL-2, ACL-4). */
export interface ClaimViews {
  /** ACL-5: the enterprise's claim by id, whichever insurer decides it; `undefined` for another's. */
  getForEnterprise(enterpriseUscc: string, claimId: string): Promise<Claim | undefined>;
  listByEnterprise(enterpriseUscc: string, page: ClaimPageRequest): Promise<ClaimPage>;
  /** CLM-1, ACL-2: declined claims of every insurer, optionally of one county (ACL-4), newest decision first. */
  listDeclined(query: ClaimPageRequest & { readonly county?: string }): Promise<ClaimPage>;
}
