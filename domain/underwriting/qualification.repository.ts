import type { DomainEvent } from '../kernel/events.js';
import type { QualificationFiling } from './qualification.js';

/**
 * The port of the underwriting context for qualification filings (QUAL-1..6): one filing per tenant and year,
 * read and written by that tenant only (ACL-1; regulators read through their own views). Eligibility is never
 * stored here — it is computed from the filing with `evaluateEligibility`.
 *
 * @example
 * const previous = await filings.get(tenantId, 2024);
 * const { state: filing, events } = fileQualification(previous, body, { tenantId, year: 2024, now, by });
 * await filings.put(filing, previous?.version, events); // StaleVersion if saved meanwhile
 */
export interface QualificationRepository {
  /** The tenant's filing for `year`, or `undefined`. */
  get(tenantId: string, year: number): Promise<QualificationFiling | undefined>;

  /**
   * UW-8, QUAL-6: the tenant's filings for `year` and the year before, for `governingFiling` (a filing governs
   * until the next year's due date). Newest first.
   */
  listRecent(tenantId: string, year: number): Promise<readonly QualificationFiling[]>;

  /**
   * Stores `filing` (version 1 for a new one, as `fileQualification` returns it) when the stored one is still
   * `expectedVersion` — `undefined` meaning none may exist yet; otherwise throws `StaleVersion`. `events` go to
   * the outbox in the same transaction.
   */
  put(filing: QualificationFiling, expectedVersion: number | undefined, events: readonly DomainEvent[]): Promise<void>;
}
