import type { Contribution } from './counters.js';

/** A record the counters follow: its kind and its id (tenant-qualified, so ids of two insurers never meet). */
export interface CountedSubject {
  readonly kind: 'policy' | 'service' | 'hazard' | 'complaint' | 'fee-year';
  readonly tenantId: string;
  readonly id: string;
}

/** What the counters last took from a subject, and the revision that optimistic locking compares. */
export interface StoredContribution {
  readonly contribution: Contribution;
  readonly revision: number;
}

/**
 * The port of the supervision counters (issue 14): each subject's last contribution and the counter cells
 * (insurer × county × year). Only the supervision-counters projection writes; the overview reads the cells.
 */
export interface SupervisionCountersRepository {
  contributionOf(subject: CountedSubject): Promise<StoredContribution | undefined>;

  /**
   * In ONE transaction: the subject's new contribution (if its stored revision is still `expectedRevision`,
   * `undefined` = none stored yet; else `StaleVersion`) and the delta added to each cell it moves.
   */
  apply(subject: CountedSubject, expectedRevision: number | undefined, contribution: Contribution, delta: Contribution): Promise<void>;

  /** Every cell of `years` (a fixed number of Queries whatever the number of records: one partition per year). */
  cells(years: readonly number[]): Promise<Contribution>;
}
