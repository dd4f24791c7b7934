import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { EvidenceItem } from './service.js';

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

/** SVC-7: the written hazard notice (隐患整改通知书), a document in the write-once archive. */
export interface HazardNotice {
  readonly archiveId: string;
  readonly archiveKey: string;
  readonly sha256: string;
  readonly issuedAt: string;
  /** MAJOR: the notice is addressed to the enterprise's principal responsible person (主要负责人). */
  readonly addressedTo: string;
}

export interface Rectification {
  readonly plan: string;
  readonly dueOn: LocalDate;
  readonly responsiblePerson: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
  /** Set when the enterprise reports it closed. */
  readonly closedAt?: string;
  readonly closureNote?: string;
  readonly closureEvidence: readonly EvidenceItem[];
}

export interface Verification {
  readonly accepted: boolean;
  readonly comments: string;
  readonly at: string;
  readonly by: string;
}

export interface Hazard {
  readonly id: string;
  readonly tenantId: string;
  readonly serviceId: string;
  readonly policyId: string;
  readonly enterprise: { readonly uscc: string; readonly name: string; readonly county: string };
  readonly description: string;
  readonly grade: HazardGrade;
  /** The rectification deadline the inspector set. */
  readonly rectifyBy: LocalDate;
  readonly status: HazardStatus;
  readonly foundOn: LocalDate;
  readonly notice: HazardNotice;
  readonly rectification?: Rectification;
  /** Every verification, newest last (a rejected one is kept). */
  readonly verifications: readonly Verification[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}
