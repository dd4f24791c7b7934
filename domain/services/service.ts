import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import type { Industry } from '../kernel/industry.js';

/**
 * SVC-3: the kinds of prevention service (事故预防服务). `HAZARD_INSPECTION` with `deep: true` is the 体检式精查
 * that SVC-1 counts apart. `ONLINE_PUSH` (laws, courseware, accident cases, risk warnings pushed online) counts
 * as a service but never towards SVC-1's minimums.
 */
export const SERVICE_TYPES = [
  'TRAINING',
  'RISK_ASSESSMENT',
  'STANDARDIZATION',
  'HAZARD_INSPECTION',
  'EMERGENCY_PLAN',
  'EMERGENCY_DRILL',
  'TECH_PROMOTION',
  'SAFETY_CULTURE',
  'CONSULTING',
  'ONLINE_PUSH',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_NAMES_ZH: Record<ServiceType, string> = {
  TRAINING: '宣传教育培训',
  RISK_ASSESSMENT: '风险辨识评估',
  STANDARDIZATION: '安全标准化建设',
  HAZARD_INSPECTION: '隐患排查',
  EMERGENCY_PLAN: '应急预案编制',
  EMERGENCY_DRILL: '应急演练',
  TECH_PROMOTION: '科技推广',
  SAFETY_CULTURE: '安全文化建设',
  CONSULTING: '安全咨询',
  ONLINE_PUSH: '线上推送',
};

/**
 * Where a service stands (SVC-5, SVC-8, SVC-9):
 * SCHEDULED → SCHEDULE_CONFIRMED (items, measures and time agreed with the enterprise) → COMPLETED (the record
 * written) → FOLLOWED_UP (回访) → CONFIRMED (signed by both insurer and enterprise) → ARCHIVED (write-once).
 * CANCELLED ends a service that was never performed (only before COMPLETED).
 */
export const SERVICE_STATUSES = ['SCHEDULED', 'SCHEDULE_CONFIRMED', 'COMPLETED', 'FOLLOWED_UP', 'CONFIRMED', 'ARCHIVED', 'CANCELLED'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** SVC-6: the insurer's own team, or a third-party organisation registered with the city EMB (REG-2). */
export const PROVIDER_KINDS = ['OWN', 'THIRD_PARTY'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface ServiceProvider {
  readonly kind: ProviderKind;
  /** REG-2 registration id; required for THIRD_PARTY, absent for OWN. */
  readonly orgId?: string;
  /** The organisation's name and registration number when the service was scheduled (a snapshot). */
  readonly orgName?: string;
  readonly registrationNumber?: string;
}

/** SVC-9: a person who took part; an expert names their REG-3 pool id. */
export interface ServicePerson {
  readonly name: string;
  readonly role?: string;
  readonly expertId?: string;
}

/** The enterprise as the policy describes it (a snapshot: the service keeps saying whom it served). */
export interface ServedEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly county: string;
  readonly industry: Industry;
  readonly size: EnterpriseSize;
}

/** SVC-13: kinds of evidence a service carries. */
export const EVIDENCE_KINDS = ['PHOTO', 'SIGN_IN_SHEET', 'REPORT', 'OTHER'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** SVC-13: where the device was when the evidence was captured. */
export interface GeoLocation {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyMeters?: number;
}

/**
 * SVC-13: one piece of evidence — a file uploaded straight to the write-once archive (never through a Lambda
 * body) — with who captured it, when and where, as the capturing device reported.
 */
export interface EvidenceItem {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** `tenants/<tenantId>/…` key in the archive store. */
  readonly archiveKey: string;
  /** Lower-case hex SHA-256 of the file, as declared at upload and enforced by the store. */
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly fileName?: string;
  /** ISO 8601 instant from the device. */
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly location?: GeoLocation;
}

/** SVC-5: who confirmed the schedule with the enterprise, and when. */
export interface ScheduleConfirmation {
  /** INSURER when staff record the enterprise's agreement (phone, visit), ENTERPRISE when it confirms itself. */
  readonly recordedBy: 'INSURER' | 'ENTERPRISE';
  /** The enterprise's person who agreed. */
  readonly confirmedByName: string;
  readonly at: string;
  readonly userId: string;
}

/** SVC-9: the record of the service as performed (time, place, personnel, items, measures, process). */
export interface ServiceRecord {
  /** ISO instant the service began on site. */
  readonly performedAt: string;
  /** ISO instant it ended; SVC-13's evidence window is [performedAt, endedAt]. */
  readonly endedAt: string;
  /** The Asia/Shanghai day of `performedAt`: the day SVC-8/SVC-9 count from. */
  readonly performedOn: LocalDate;
  readonly place: string;
  readonly personnel: readonly ServicePerson[];
  readonly items: readonly string[];
  readonly measures: string;
  readonly process: string;
  readonly completedAt: string;
  readonly completedBy: string;
}

/** SVC-8: 回访 channels. */
export const FOLLOW_UP_CHANNELS = ['PHONE', 'ONLINE', 'ON_SITE'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export interface FollowUp {
  readonly channel: FollowUpChannel;
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  readonly satisfaction: number;
  readonly comments: string;
  readonly at: string;
  readonly by: string;
  /** Made after its due date (SVC-8); recorded, not refused. */
  readonly late: boolean;
}

export const CONFIRMING_PARTIES = ['INSURER', 'ENTERPRISE'] as const;
export type ConfirmingParty = (typeof CONFIRMING_PARTIES)[number];

/** SVC-9, SVC-13: a party's confirmation of the record — a named person's signature. */
export interface Signature {
  readonly party: ConfirmingParty;
  readonly signerName: string;
  readonly signerTitle?: string;
  /** ISO instant the signer's device reports; SVC-13 flags one before the record was written. */
  readonly signedAt: string;
  /** When the platform received it. */
  readonly recordedAt: string;
  readonly userId: string;
}

/** A deadline with its CAL-2 status. */
export interface ServiceDeadline {
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
}

/** SVC-8 and SVC-9 deadlines, counted from `record.performedOn` in working days (CAL-1). */
export interface ServiceDeadlines {
  readonly followUp: ServiceDeadline;
  readonly archive: ServiceDeadline;
}

export const REVIEW_FLAG_CODES = ['EVIDENCE_OUTSIDE_SERVICE_TIME', 'CONFIRMATION_BEFORE_RECORD'] as const;
export type ReviewFlagCode = (typeof REVIEW_FLAG_CODES)[number];

/** SVC-13: a reason to review a record before trusting it (faked records are the field's best-known abuse). */
export interface ReviewFlag {
  readonly rule: 'SVC-13';
  readonly code: ReviewFlagCode;
  readonly message: string;
  readonly evidenceId?: string;
  readonly party?: ConfirmingParty;
}

/** SVC-10: the archived record's reference; the bytes sit in the write-once archive store. */
export interface ServiceArchiveRef {
  readonly archiveId: string;
  readonly archivedAt: string;
  readonly archivedOn: LocalDate;
  readonly sha256: string;
  /** Archived after the SVC-9 due date. */
  readonly late: boolean;
}

/**
 * One prevention service (事故预防服务) on a policy — the aggregate of the services context. Values are
 * immutable; each transition in lifecycle.ts returns a new service with `version` + 1.
 */
export interface PreventionService {
  readonly id: string;
  /** The policy's lead insurer (ACL-1: the only tenant that writes its services). */
  readonly tenantId: string;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly enterprise: ServedEnterprise;
  readonly type: ServiceType;
  /** 体检式精查; only meaningful for HAZARD_INSPECTION (false otherwise). */
  readonly deep: boolean;
  readonly status: ServiceStatus;
  /** ISO instant planned. */
  readonly scheduledAt: string;
  /** Asia/Shanghai day of `scheduledAt`. */
  readonly scheduledOn: LocalDate;
  readonly provider: ServiceProvider;
  /** REG-3 pool ids of the experts named on the service. */
  readonly expertIds: readonly string[];
  /** What the plan said would be done, agreed at SVC-5. */
  readonly plannedItems: readonly string[];
  readonly plannedMeasures?: string;
  readonly scheduleConfirmation?: ScheduleConfirmation;
  readonly record?: ServiceRecord;
  readonly evidence: readonly EvidenceItem[];
  /** SVC-7: the hazards found on this service. */
  readonly hazardIds: readonly string[];
  readonly deadlines?: ServiceDeadlines;
  readonly followUp?: FollowUp;
  readonly confirmations: { readonly insurer?: Signature; readonly enterprise?: Signature };
  readonly reviewFlags: readonly ReviewFlag[];
  readonly archive?: ServiceArchiveRef;
  readonly cancellation?: { readonly reason: string; readonly at: string; readonly by: string };
  /** RULES-1: the policy's rule set (the one in force on its start date). */
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly version: number;
}
