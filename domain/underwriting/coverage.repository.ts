import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { CoverageChange, EnterpriseCoverage } from './coverage.js';
import type { Policy } from './policy.js';

/** One county × industry insured-today counter. */
export interface InsuredCount {
  readonly industry: string;
  readonly insured: number;
}

/**
 * The port of UW-11's pre-aggregated coverage: each enterprise's coverage across insurers and the county ×
 * industry insured-today counters. Only the policy projection and the daily sweep write it; regulators read it.
 * The rules (what counts as insured today, which counter moves) are `evaluateCoverage` in coverage.ts; the
 * adapter stores what it is given.
 *
 * @example
 * const current = await coverage.get(policy.enterprise.uscc);
 * await coverage.apply(evaluateCoverage(current, withPolicyShare(current, policy), today), policy);
 */
export interface CoverageRepository {
  get(uscc: string): Promise<EnterpriseCoverage | undefined>;

  /**
   * Stores the re-evaluated coverage and its counter deltas in one transaction, if the stored item is still
   * `change.expectedVersion` (else `StaleVersion`: re-read and evaluate again). With `policy`, the same
   * transaction also writes the policy's read-only copies for its co-insurance members (ACL-1).
   */
  apply(change: CoverageChange, policy?: Policy): Promise<void>;

  /** One county's coverage items, for the gap on any date. */
  listCounty(county: string): Promise<EnterpriseCoverage[]>;

  /** Insured-today counters of one county: one read, whatever the number of policies. */
  insuredCounts(county: string): Promise<InsuredCount[]>;

  /** Items whose next edge is on or before `today`: the daily sweep's work, a page at a time. */
  edgesDue(today: LocalDate, cursor?: string): Promise<{ readonly items: EnterpriseCoverage[]; readonly nextCursor?: string }>;
}
