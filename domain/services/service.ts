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

/** SVC-13: kinds of evidence a service carries. */
export const EVIDENCE_KINDS = ['PHOTO', 'SIGN_IN_SHEET', 'REPORT', 'OTHER'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** SVC-8: 回访 channels. */
export const FOLLOW_UP_CHANNELS = ['PHONE', 'ONLINE', 'ON_SITE'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const CONFIRMING_PARTIES = ['INSURER', 'ENTERPRISE'] as const;
export type ConfirmingParty = (typeof CONFIRMING_PARTIES)[number];

/**
 * SVC-13 review flags. `ENTERPRISE_SIGNED_ON_INSURER_DEVICE`: the enterprise's signature was captured on the
 * insurer staff's device (the enterprise has no account), not given through the enterprise's own login;
 * `LOCATION_MISSING`: an evidence item or such a signature says nowhere where it was made.
 */
export const REVIEW_FLAG_CODES = [
  'EVIDENCE_OUTSIDE_SERVICE_TIME',
  'CONFIRMATION_BEFORE_RECORD',
  'ENTERPRISE_SIGNED_ON_INSURER_DEVICE',
  'LOCATION_MISSING',
] as const;
export type ReviewFlagCode = (typeof REVIEW_FLAG_CODES)[number];

// The shapes are their schemas' (service.schema.ts, evidence.schema.ts): one source for the type and the API.
export type {
  FollowUp,
  PreventionService,
  ReviewFlag,
  ScheduleConfirmation,
  ServedEnterprise,
  ServiceArchiveRef,
  ServiceDeadline,
  ServiceDeadlines,
  ServicePerson,
  ServiceProvider,
  ServiceRecord,
  Signature,
} from './service.schema.js';
export type { EvidenceItem, GeoLocation } from './evidence.schema.js';
