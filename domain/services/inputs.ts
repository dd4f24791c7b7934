import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { HazardGrade } from './hazard.js';
import type {
  ConfirmingParty,
  EvidenceKind,
  FollowUpChannel,
  GeoLocation,
  ProviderKind,
  ServicePerson,
  ServiceType,
} from './service.js';

/**
 * What callers send to the services context, as the HTTP schemas (schemas.ts) parse it. The rules
 * (lifecycle.ts, hazard.rules.ts, service-plan.rules.ts) take exactly these shapes.
 */

/** SVC-4: `PUT /policies/{policyId}/service-plan`. */
export interface ServicePlanInput {
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

/** SVC-5, SVC-6: `POST /services`. */
export interface ScheduleServiceInput {
  readonly policyId: string;
  readonly type: ServiceType;
  readonly deep?: boolean;
  /** ISO instant with an offset. */
  readonly scheduledAt: string;
  readonly provider: { readonly kind: ProviderKind; readonly orgId?: string };
  readonly expertIds: readonly string[];
  readonly plannedItems: readonly string[];
  readonly plannedMeasures?: string;
}

/** SVC-5: `POST /services/{id}/confirm-schedule` (insurer) or `/me/services/{id}/confirm-schedule`. */
export interface ConfirmScheduleInput {
  /** The enterprise's person who agreed the items, measures and time. */
  readonly confirmedByName: string;
}

/** SVC-13: a file already uploaded with an upload ticket, and how it was captured. */
export interface EvidenceInput {
  /** The id returned with the upload ticket; the archive key is derived from it. */
  readonly uploadId: string;
  readonly kind: EvidenceKind;
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly location?: GeoLocation;
}

/** SVC-13: `POST …/evidence-uploads` — ask for an upload ticket for one file. */
export interface EvidenceUploadInput {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** Lower-case hex SHA-256 of the file. */
  readonly sha256: string;
}

/** SVC-7: one hazard found on a service. */
export interface HazardFoundInput {
  readonly description: string;
  readonly grade: HazardGrade;
  readonly rectifyBy: LocalDate;
}

/** SVC-9: `POST /services/{id}/complete`. */
export interface CompleteServiceInput {
  readonly performedAt: string;
  /** Defaults to the end of the Asia/Shanghai day of `performedAt`. */
  readonly endedAt?: string;
  readonly place: string;
  readonly personnel: readonly ServicePerson[];
  readonly items: readonly string[];
  readonly measures: string;
  readonly process: string;
  readonly hazards: readonly HazardFoundInput[];
  /** SVC-7: the enterprise's principal responsible person (主要负责人); required when a hazard is MAJOR. */
  readonly principalName?: string;
  readonly evidence: readonly EvidenceInput[];
}

/** SVC-8: `POST /services/{id}/follow-up`. */
export interface FollowUpInput {
  readonly channel: FollowUpChannel;
  readonly satisfaction: number;
  readonly comments: string;
}

/** SVC-9, SVC-13: `POST /services/{id}/confirm` (insurer, either party) or `/me/services/{id}/confirm`. */
export interface ConfirmRecordInput {
  readonly party: ConfirmingParty;
  readonly signerName: string;
  readonly signerTitle?: string;
  /** ISO instant the signer's device reports. */
  readonly signedAt: string;
}

/** SVC-7: `POST /hazards/{id}/rectification` or `/me/hazards/{id}/rectification`. */
export interface RectificationInput {
  /** The plan and its due date, required the first time. */
  readonly plan?: string;
  readonly dueOn?: LocalDate;
  readonly responsiblePerson?: string;
  /** The enterprise reports the hazard closed; then `closureEvidence` needs at least one item. */
  readonly closed?: boolean;
  readonly closureNote?: string;
  readonly closureEvidence?: readonly EvidenceInput[];
}

/** SVC-7: `POST /hazards/{id}/verify`. */
export interface VerifyHazardInput {
  readonly accepted: boolean;
  readonly comments: string;
}
