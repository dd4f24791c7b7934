/**
 * Prevention services (DOMAIN.md §4, SVC-1..13) and the providers' registers (REG-2, REG-3) as the API answers
 * them: hand-kept mirrors of domain/services/*.ts and domain/register/{service-org,expert}.ts (the vocabularies
 * are checked against domain/ in reference/domain-mirror.test.ts).
 */
import type { LocalDate } from './types';
import type { EnterpriseSize, Industry } from './underwriting-types';

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

export const SERVICE_STATUSES = ['SCHEDULED', 'SCHEDULE_CONFIRMED', 'COMPLETED', 'FOLLOWED_UP', 'CONFIRMED', 'ARCHIVED', 'CANCELLED'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const PROVIDER_KINDS = ['OWN', 'THIRD_PARTY'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const EVIDENCE_KINDS = ['PHOTO', 'SIGN_IN_SHEET', 'REPORT', 'OTHER'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const FOLLOW_UP_CHANNELS = ['PHONE', 'ONLINE', 'ON_SITE'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const CONFIRMING_PARTIES = ['INSURER', 'ENTERPRISE'] as const;
export type ConfirmingParty = (typeof CONFIRMING_PARTIES)[number];

export const HAZARD_GRADES = ['GENERAL', 'MAJOR'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export const HAZARD_STATUSES = ['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const RISK_GRADES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

export const SERVICE_ORG_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type ServiceOrgStatus = (typeof SERVICE_ORG_STATUSES)[number];

export const EXPERT_STATUSES = ['ACTIVE', 'REMOVED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

export interface ServiceProvider {
  readonly kind: ProviderKind;
  readonly orgId?: string;
  readonly orgName?: string;
  readonly registrationNumber?: string;
}

export interface ServicePerson {
  readonly name: string;
  readonly role?: string;
  readonly expertId?: string;
}

export interface ServedEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly county: string;
  readonly industry: Industry;
  readonly size: EnterpriseSize;
}

export interface GeoLocation {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyMeters?: number;
}

export interface EvidenceItem {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly archiveKey: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly fileName?: string;
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly location?: GeoLocation;
}

export interface ScheduleConfirmation {
  readonly recordedBy: 'INSURER' | 'ENTERPRISE';
  readonly confirmedByName: string;
  readonly at: string;
  readonly userId: string;
}

export interface ServiceRecord {
  readonly performedAt: string;
  readonly endedAt: string;
  readonly performedOn: LocalDate;
  readonly place: string;
  readonly personnel: readonly ServicePerson[];
  readonly items: readonly string[];
  readonly measures: string;
  readonly process: string;
  readonly completedAt: string;
  readonly completedBy: string;
}

export interface FollowUp {
  readonly channel: FollowUpChannel;
  readonly satisfaction: number;
  readonly comments: string;
  readonly at: string;
  readonly by: string;
  readonly late: boolean;
}

export interface Signature {
  readonly party: ConfirmingParty;
  readonly signerName: string;
  readonly signerTitle?: string;
  readonly signedAt: string;
  readonly recordedAt: string;
  readonly userId: string;
}

export interface ServiceDeadline {
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
}

export interface ReviewFlag {
  readonly rule: 'SVC-13';
  readonly code: 'EVIDENCE_OUTSIDE_SERVICE_TIME' | 'CONFIRMATION_BEFORE_RECORD';
  readonly message: string;
  readonly evidenceId?: string;
  readonly party?: ConfirmingParty;
}

export interface ServiceArchiveRef {
  readonly archiveId: string;
  readonly archivedAt: string;
  readonly archivedOn: LocalDate;
  readonly sha256: string;
  readonly late: boolean;
}

/** One prevention service (事故预防服务) on a policy. */
export interface PreventionService {
  readonly id: string;
  readonly tenantId: string;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly enterprise: ServedEnterprise;
  readonly type: ServiceType;
  readonly deep: boolean;
  readonly status: ServiceStatus;
  readonly scheduledAt: string;
  readonly scheduledOn: LocalDate;
  readonly provider: ServiceProvider;
  readonly expertIds: readonly string[];
  readonly plannedItems: readonly string[];
  readonly plannedMeasures?: string;
  readonly scheduleConfirmation?: ScheduleConfirmation;
  readonly record?: ServiceRecord;
  readonly evidence: readonly EvidenceItem[];
  readonly hazardIds: readonly string[];
  readonly deadlines?: { readonly followUp: ServiceDeadline; readonly archive: ServiceDeadline };
  readonly followUp?: FollowUp;
  readonly confirmations: { readonly insurer?: Signature; readonly enterprise?: Signature };
  readonly reviewFlags: readonly ReviewFlag[];
  readonly archive?: ServiceArchiveRef;
  readonly cancellation?: { readonly reason: string; readonly at: string; readonly by: string };
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface HazardNotice {
  readonly archiveId: string;
  readonly archiveKey: string;
  readonly sha256: string;
  readonly issuedAt: string;
  readonly addressedTo: string;
}

export interface Rectification {
  readonly plan: string;
  readonly dueOn: LocalDate;
  readonly responsiblePerson: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
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

/** SVC-7: a hazard found on a service, tracked to its verification. */
export interface Hazard {
  readonly id: string;
  readonly tenantId: string;
  readonly serviceId: string;
  readonly policyId: string;
  readonly enterprise: { readonly uscc: string; readonly name: string; readonly county: string };
  readonly description: string;
  readonly grade: HazardGrade;
  readonly rectifyBy: LocalDate;
  readonly status: HazardStatus;
  readonly foundOn: LocalDate;
  readonly notice: HazardNotice;
  readonly rectification?: Rectification;
  readonly verifications: readonly Verification[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface RiskAssessmentResult {
  readonly grade: RiskGrade;
  readonly score: number;
  readonly factors: readonly { readonly factor: string; readonly points: number; readonly detail: string }[];
  /** What was graded: the console states each factor from these in its own language. */
  readonly inputs?: {
    readonly industry: string;
    readonly size: string;
    readonly accidentRecordBasisPoints: number;
    readonly openHazards: { readonly general: number; readonly major: number };
    readonly monitoringAlarms: number;
  };
  readonly proposedExtra: readonly { readonly type: ServiceType; readonly deep: boolean; readonly count: number }[];
}

export interface PlanItem {
  readonly type: ServiceType;
  readonly deep: boolean;
  readonly count: number;
  readonly items: readonly string[];
  readonly measures: string;
  readonly provider: ServiceProvider;
  readonly personnel: readonly string[];
}

/** SVC-4: the plan agreed with the enterprise. */
export interface ServicePlan {
  readonly policyId: string;
  readonly tenantId: string;
  readonly items: readonly PlanItem[];
  readonly goals: string;
  readonly support: string;
  readonly basis: string;
  readonly agreedBy: string;
  readonly agreedOn: LocalDate;
  readonly risk: RiskAssessmentResult;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

export type RequirementStatus = 'DONE' | 'OPEN' | 'OVERDUE';

export interface Requirement {
  readonly key: string;
  readonly rule: 'SVC-1' | 'SVC-2' | 'SVC-4';
  readonly type?: ServiceType;
  readonly deep?: boolean;
  readonly required: number;
  readonly done: number;
  readonly open: number;
  readonly inProgress: number;
  readonly dueBy: LocalDate;
  readonly daysLeft: number;
  readonly status: RequirementStatus;
}

/** SVC-1, SVC-2, SVC-4, SVC-11: what a policy still owes in its year. */
export interface ObligationStatus {
  readonly policyId: string;
  readonly basis: 'TABLE' | 'PER_PLAN';
  readonly requirements: readonly Requirement[];
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly daysLeftInYear: number;
  readonly allDone: boolean;
  readonly planMissing: boolean;
}

/** REG-2: a third-party organisation registered (备案) with the city EMB. */
export interface ServiceOrg {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly registrationNumber: string;
  readonly status: ServiceOrgStatus;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
  readonly scope: readonly string[];
  readonly contact?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
  /** SVC-6: ACTIVE and inside its validity today (Asia/Shanghai), as the API computes it. */
  readonly usableToday?: boolean;
}

/** REG-3: a member of the city expert pool. */
export interface Expert {
  readonly id: string;
  readonly name: string;
  readonly specialties: readonly string[];
  readonly title?: string;
  readonly employer?: string;
  readonly status: ExpertStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

// Requests (domain/services/inputs.ts) -----------------------------------------------------------------------

export interface ServicePlanRequest {
  readonly items: readonly {
    readonly type: ServiceType;
    readonly deep?: boolean;
    readonly count: number;
    readonly items: readonly string[];
    readonly measures: string;
    readonly provider: { readonly kind: ProviderKind; readonly orgId?: string };
    readonly personnel: readonly string[];
  }[];
  readonly goals: string;
  readonly support: string;
  readonly basis: string;
  readonly agreedBy: string;
  readonly agreedOn: LocalDate;
}

export interface ScheduleServiceRequest {
  readonly policyId: string;
  readonly type: ServiceType;
  readonly deep?: boolean;
  readonly scheduledAt: string;
  readonly provider: { readonly kind: ProviderKind; readonly orgId?: string };
  readonly expertIds: readonly string[];
  readonly plannedItems: readonly string[];
  readonly plannedMeasures?: string;
}

export interface ConfirmScheduleRequest {
  readonly confirmedByName: string;
}

export interface EvidenceRequest {
  readonly uploadId: string;
  readonly kind: EvidenceKind;
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly location?: GeoLocation;
}

export interface EvidenceUploadRequest {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** How the browser uploads one file straight to the archive store (never through the API). */
export interface UploadTicket {
  readonly key: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** `POST …/evidence-uploads`: the upload's id (named again in the record) and its ticket. */
export interface EvidenceUploadAnswer {
  readonly uploadId: string;
  readonly ticket: UploadTicket;
}

export interface HazardFoundRequest {
  readonly description: string;
  readonly grade: HazardGrade;
  readonly rectifyBy: LocalDate;
}

export interface CompleteServiceRequest {
  readonly performedAt: string;
  readonly endedAt?: string;
  readonly place: string;
  readonly personnel: readonly ServicePerson[];
  readonly items: readonly string[];
  readonly measures: string;
  readonly process: string;
  readonly hazards: readonly HazardFoundRequest[];
  readonly principalName?: string;
  readonly evidence: readonly EvidenceRequest[];
}

export interface FollowUpRequest {
  readonly channel: FollowUpChannel;
  readonly satisfaction: number;
  readonly comments: string;
}

export interface ConfirmRecordRequest {
  readonly party: ConfirmingParty;
  readonly signerName: string;
  readonly signerTitle?: string;
  readonly signedAt: string;
}

export interface RectificationRequest {
  readonly plan?: string;
  readonly dueOn?: LocalDate;
  readonly responsiblePerson?: string;
  readonly closed?: boolean;
  readonly closureNote?: string;
  readonly closureEvidence?: readonly EvidenceRequest[];
}

export interface VerifyHazardRequest {
  readonly accepted: boolean;
  readonly comments: string;
}

/** SVC-10: an archived document's record (`GET /archives/{archiveId}`). */
export interface ArchiveRecord {
  readonly archiveId: string;
  readonly tenantId: string;
  /** SERVICE_RECORD, HAZARD_NOTICE … (domain/services/service.repository.ts). */
  readonly kind: string;
  readonly key: string;
  /** Lower-case hex SHA-256 recorded in the table when the document was archived. */
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly subject: { readonly kind: 'SERVICE' | 'HAZARD'; readonly id: string };
  readonly policyId: string;
  readonly enterpriseUscc: string;
  readonly retainUntil: string;
  readonly archivedAt: string;
  readonly archivedBy: string;
  /** SERVICE_RECORD: the archived document itself. */
  readonly document?: unknown;
}

/** One stored file hashed again: the digest recorded at archiving, the one of the bytes now, and whether they match. */
export interface DigestCheck {
  readonly key: string;
  readonly sha256: string;
  /** Absent when the bytes are gone. */
  readonly actualSha256?: string;
  readonly matches: boolean;
}

/** SVC-10: the archive and every file a service record cites, hashed again against the recorded digests. */
export interface ArchiveVerification extends DigestCheck {
  readonly archiveId: string;
  readonly retainUntil: string;
  readonly checkedAt: string;
  readonly attachments: readonly DigestCheck[];
}

// REG-2, REG-3 requests --------------------------------------------------------------------------------------

export interface CreateServiceOrgRequest {
  readonly name: string;
  readonly uscc: string;
  readonly registrationNumber: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
  readonly scope: readonly string[];
  readonly contact?: string;
}

/** REG-2 `PATCH`: what changes, with the version last read (a change by someone else since is a 412). */
export interface UpdateServiceOrgRequest {
  readonly status?: ServiceOrgStatus;
  readonly validTo?: LocalDate;
  readonly contact?: string | null;
  readonly scope?: readonly string[];
  readonly version: number;
}

export interface CreateExpertRequest {
  readonly name: string;
  readonly specialties: readonly string[];
  readonly title?: string;
  readonly employer?: string;
}

/** REG-3 `PATCH`: what changes, with the version last read. */
export interface UpdateExpertRequest {
  readonly status?: ExpertStatus;
  readonly specialties?: readonly string[];
  readonly title?: string | null;
  readonly employer?: string | null;
  readonly version: number;
}
