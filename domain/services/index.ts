/**
 * The prevention-services context (SVC-1..13): the service lifecycle, hazards, the service plan, the risk grade,
 * the obligations engine and the archive document. Pure: no I/O and no clock reads — time is always an argument.
 */
export * from './service.js';
export * from './hazard.js';
export * from './service-plan.js';
export type * from './obligations.js';
export type * from './inputs.js';
export * from './lifecycle.js'; // with reviewFlagsOf (evidence-flags.ts, SVC-13)
export * from './deadlines.js';
export * from './hazard.rules.js';
export * from './service-plan.rules.js';
export * from './risk-grade.js';
export * from './obligations-engine.js';
export * from './archive-document.js';
