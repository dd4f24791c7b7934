import type { Industry } from '../kernel/industry.js';
import type { RegisteredCount } from './register.repository.js';

/** UW-11: the coverage projection's insured count of one county × industry. */
export interface CountyInsuredCount {
  readonly county: string;
  readonly industry: string;
  readonly insured: number;
}

/**
 * REG-1, UW-11: the register's and the coverage projection's counters of many counties at once — one batched
 * read of the county × industry counter items (a hundred keys a request), instead of one Query per county: a
 * city-wide view costs the same reads as a county's.
 */
export interface CountyCounts {
  registered(counties: readonly string[], industries: readonly Industry[]): Promise<RegisteredCount[]>;
  insured(counties: readonly string[], industries: readonly Industry[]): Promise<CountyInsuredCount[]>;
}
