/**
 * The prevention-fee context (FEE-1..5): premium receipts and the accrual they book, the append-only ledger
 * (台账) of accruals, expenses and reversals with gap-free numbers per insurer and year, the year's
 * pre-aggregated counters, compliance against the floor and the ceiling, and the consistency check that
 * recomputes the counters from the entries. Pure: no I/O and no clock reads — time is always an argument.
 */
export * from './ledger-entry.js';
export * from './premium-receipt.js';
export * from './year-ledger.js';
export * from './ledger.rules.js';
export * from './compliance.js';
export * from './consistency.js';
export * from './schemas.js';
export type * from './fee-ledger.repository.js';
