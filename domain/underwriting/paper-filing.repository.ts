import type { DomainEvent } from '../kernel/events.js';
import type { PaperFiling } from './paper-filing.js';

/**
 * QUAL-6: the city EMB's records of paper filings, one per insurer and year. Regulator-owned: only the city EMB
 * writes them (never the insurer); eligibility reads them beside the insurer's own filing.
 *
 * @example
 * const previous = await papers.get(insurerTenantId, 2026);
 * const { state, events } = recordPaperFiling(previous, body, { insurerTenantId, year: 2026, now, by });
 * await papers.put(state, previous?.version, events);
 */
export interface PaperFilingRepository {
  get(insurerTenantId: string, year: number): Promise<PaperFiling | undefined>;
  /** QUAL-6: the records for `year` and the year before, as `listRecent` of the filings (a filing governs into the next year). */
  listRecent(insurerTenantId: string, year: number): Promise<readonly PaperFiling[]>;
  /** Stores `record` when the stored one is still `expectedVersion` (`undefined`: none may exist); else `StaleVersion`. */
  put(record: PaperFiling, expectedVersion: number | undefined, events: readonly DomainEvent[]): Promise<void>;
}
