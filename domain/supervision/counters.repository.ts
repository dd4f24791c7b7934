import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Contribution } from './counters.js';

/** A record the counters follow: its kind and its id (tenant-qualified, so ids of two insurers never meet). */
export interface CountedSubject {
  readonly kind: 'policy' | 'service' | 'hazard' | 'complaint' | 'fee-year' | 'claim';
  readonly tenantId: string;
  readonly id: string;
}

/** What the counters last took from a subject, and the revision that optimistic locking compares. */
export interface StoredContribution {
  readonly contribution: Contribution;
  readonly revision: number;
  readonly nextEdge?: LocalDate;
}

/**
 * The port of the supervision counters (issue 14): each subject's last contribution and the counter cells
 * (insurer × county × year). Only the supervision-counters projection writes; the overview reads the cells.
 */
export interface SupervisionCountersRepository {
  contributionOf(subject: CountedSubject): Promise<StoredContribution | undefined>;

  /**
   * In ONE transaction: the subject's new contribution with its next edge (if its stored revision is still
   * `expectedRevision`, `undefined` = none stored yet; else `StaleVersion`) and the delta added to each cell.
   */
  apply(
    subject: CountedSubject,
    expectedRevision: number | undefined,
    contribution: Contribution,
    delta: Contribution,
    nextEdge?: LocalDate,
  ): Promise<void>;

  /** Subjects whose next edge is on or before `today`: the daily run's work, a page at a time. */
  edgesDue(today: LocalDate, cursor?: string): Promise<{ readonly items: readonly CountedSubject[]; readonly nextCursor?: string }>;

  /**
   * The cells of `year` — of one county (ACL-4: a county EMB's overview), or of every county added up — one
   * Query per county whatever the number of records (fixed figures per insurer × county, issue 21).
   */
  cells(year: number, county?: string): Promise<Contribution>;
}
