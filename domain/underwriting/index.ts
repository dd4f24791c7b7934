/**
 * The underwriting context (QUAL-1..6, BLK-1, UW-1..11): insurers' qualification filings and their computed
 * eligibility, the `Policy` aggregate, its rating, its transitions, coverage of the regulators' register, the
 * HTTP body schemas and the repository ports. Pure: no I/O and no clock reads — time is always an argument.
 */
export * from './qualification.js';
export * from './policy.js';
export * from './rating.js';
export * from './policy.rules.js';
export * from './coverage.js';
export * from './schemas.js';
export type * from './policy.repository.js';
export type * from './qualification.repository.js';
