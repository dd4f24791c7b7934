import type { DomainEvent } from '../kernel/events.js';
import type { Refusal } from './refusal.js';

/** One page of refusals; `nextCursor` when there are more. */
export interface RefusalPage {
  readonly items: readonly Refusal[];
  readonly nextCursor?: string;
  /** Issue 15: the rows matching the query, on its first page. */
  readonly total?: number;
}

/**
 * UW-12: an insurer's refusals to insure, tenant data written by that insurer only (ACL-1); regulators read
 * them across insurers through their own view.
 */
export interface RefusalRepository {
  create(refusal: Refusal, events: readonly DomainEvent[]): Promise<void>;
  /** The tenant's refusals, newest first. */
  listByTenant(tenantId: string, query: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<RefusalPage>;
}
