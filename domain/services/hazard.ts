import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Hazard } from './hazard.schema.js';

/** SVC-7: 一般隐患 / 重大隐患. */
export const HAZARD_GRADES = ['GENERAL', 'MAJOR'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

/**
 * SVC-7: OPEN (notified in writing) → RECTIFYING (the enterprise's plan and due date recorded) → RECTIFIED (the
 * enterprise reports it closed, with evidence) → VERIFIED (the insurer checked it). A failed verification sends it
 * back to RECTIFYING.
 */
export const HAZARD_STATUSES = ['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

// The hazard's shape is its schema's (hazard.schema.ts).
export type { Hazard, HazardNotice, Rectification, Verification } from './hazard.schema.js';

/**
 * SVC-7, SVC-11: the day the hazard must be rectified by — the enterprise's own plan date once reported, the
 * inspector's deadline until then — or undefined once VERIFIED (nothing is owed any more).
 *
 * @example
 * hazardDueOn(hazard); // '2024-10-31'
 */
export function hazardDueOn(hazard: Pick<Hazard, 'status' | 'rectification' | 'rectifyBy'>): LocalDate | undefined {
  if (hazard.status === 'VERIFIED') return undefined;
  return hazard.rectification?.dueOn ?? hazard.rectifyBy;
}
