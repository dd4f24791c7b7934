/**
 * The regulators' own registers (REG-1 enterprise register, BLK-1 blacklist): entries, their validation row by
 * row, the import plan, ACL-4's county scope, the HTTP body schemas and the repository ports. Pure: no I/O
 * and no clock reads — time is always an argument.
 */
export * from './register-entry.js';
export * from './register-row.js';
export * from './register-import.js';
export * from './blacklist.js';
export * from './import-rejected.js';
export * from './schemas.js';
export type * from './register.repository.js';
export type * from './blacklist.repository.js';
