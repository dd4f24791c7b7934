/**
 * The shared kernel: value types and rules every bounded context uses. A convenience barrel — prefer importing
 * the module itself (`domain/kernel/uscc.js`) so a bundle pulls in only what it needs.
 */
export * from './errors.js';
export * from './uscc.js';
export * from './money.js';
export * from './industry.js';
export * from './enterprise-size.js';
export * from './area.js';
export * from './calendar/index.js';
export * from './rule-set/index.js';
