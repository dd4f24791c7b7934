/**
 * The complaints context (CMP-1..8): the `Complaint` aggregate, its two clocks, its transitions, the HTTP
 * body schemas and the repository port. Pure: no I/O and no clock reads — time is always an argument.
 */
export * from './complaint.js';
export * from './deadlines.js';
export * from './complaint.rules.js';
export * from './schemas.js';
export type * from './complaint.repository.js';
