import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Hazard, HazardGrade, HazardStatus } from './hazard.js';
import type { ServicePlan } from './service-plan.js';
import type { PreventionService, ServiceStatus } from './service.js';

/** One page and the opaque cursor of the next (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** `GET /services?policyId=&status=&dueBefore=`. */
export interface TenantServiceQuery extends PageRequest {
  readonly policyId?: string;
  readonly status?: ServiceStatus;
  /** Services whose next SVC-8/SVC-9 deadline falls before this day (the sparse due index). */
  readonly dueBefore?: LocalDate;
}

/** `GET /hazards?status=&grade=&serviceId=`. */
export interface HazardQuery extends PageRequest {
  readonly status?: HazardStatus;
  readonly grade?: HazardGrade;
  readonly serviceId?: string;
}

/** What a file in the archive is for: the service or hazard that cites it. */
export interface ArchiveSubject {
  readonly kind: 'SERVICE' | 'HAZARD';
  readonly id: string;
}

/**
 * SVC-13: an upload ticket given out for one file — what the file must be and what it is for. A record citing
 * the upload is accepted only for that subject and once the store holds the bytes with that digest.
 */
export interface EvidenceUpload {
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly fileName: string;
  readonly subject: ArchiveSubject;
  readonly retainUntil: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export const ARCHIVE_RECORD_KINDS = ['HAZARD_NOTICE', 'SERVICE_RECORD'] as const;
export type ArchiveRecordKind = (typeof ARCHIVE_RECORD_KINDS)[number];

/** SVC-10: an archived document's reference: where its bytes are and the digest verification compares with. */
export interface ArchiveRecord {
  readonly archiveId: string;
  readonly tenantId: string;
  readonly kind: ArchiveRecordKind;
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly subject: ArchiveSubject;
  readonly policyId: string;
  readonly enterpriseUscc: string;
  readonly retainUntil: string;
  readonly archivedAt: string;
  readonly archivedBy: string;
}

/** What one state change of a service reports, next to the service itself. */
export type ServiceEventType =
  | 'services.service.scheduled'
  | 'services.service.schedule_confirmed'
  | 'services.service.followed_up'
  | 'services.service.signed'
  | 'services.service.confirmed'
  | 'services.service.cancelled';

export type HazardEventType =
  | 'services.hazard.rectification_reported'
  | 'services.hazard.rectified'
  | 'services.hazard.verified'
  | 'services.hazard.reopened';

/**
 * The port of the services context; the DynamoDB adapter implements it. Tenant methods are scoped by the
 * tenant id (ACL-1), enterprise methods by the USCC from the caller's token (ACL-5). Every change is one
 * transaction with its events; `save*` take the version the caller loaded and fail with `StaleVersion` when
 * someone changed the item meanwhile.
 *
 * @example
 * const next = confirmSchedule(service, input, context);
 * await repository.saveService(next, service.version, 'services.service.schedule_confirmed');
 */
export interface ServiceRepository {
  getPlan(tenantId: string, policyId: string): Promise<ServicePlan | undefined>;
  /** A new plan (`expectedVersion` undefined) or a revision of the stored one. */
  savePlan(plan: ServicePlan, expectedVersion: number | undefined): Promise<void>;

  createService(service: PreventionService): Promise<void>;
  getService(tenantId: string, serviceId: string): Promise<PreventionService | undefined>;
  listServices(tenantId: string, query: TenantServiceQuery): Promise<Page<PreventionService>>;
  /** SVC-1/SVC-11: every service of one policy (the obligations engine's input), in scheduled order. */
  servicesOfPolicy(tenantId: string, policyId: string): Promise<readonly PreventionService[]>;
  saveService(service: PreventionService, expectedVersion: number, event: ServiceEventType): Promise<void>;

  /** SVC-7, SVC-9: the record, the hazards it found and their archived notices, in one transaction. */
  completeService(
    service: PreventionService,
    expectedVersion: number,
    hazards: readonly Hazard[],
    notices: readonly ArchiveRecord[],
  ): Promise<void>;
  /** SVC-10: the archived service and its archive record, in one transaction. */
  archiveService(service: PreventionService, expectedVersion: number, record: ArchiveRecord): Promise<void>;

  getHazard(tenantId: string, hazardId: string): Promise<Hazard | undefined>;
  /** Several hazards in one read, in the order of `hazardIds`; missing ones are left out. */
  getHazards(tenantId: string, hazardIds: readonly string[]): Promise<readonly Hazard[]>;
  listHazards(tenantId: string, query: HazardQuery): Promise<Page<Hazard>>;
  /** SVC-12: hazards of one enterprise not yet verified, with this insurer. */
  openHazardsOf(tenantId: string, enterpriseUscc: string): Promise<{ general: number; major: number }>;
  saveHazard(hazard: Hazard, expectedVersion: number, event: HazardEventType): Promise<void>;

  createUpload(upload: EvidenceUpload): Promise<void>;
  getUploads(tenantId: string, uploadIds: readonly string[]): Promise<readonly EvidenceUpload[]>;

  getArchiveRecord(tenantId: string, archiveId: string): Promise<ArchiveRecord | undefined>;
}

/** ACL-5: an enterprise's own services and hazards across insurers (never another enterprise's). */
export interface EnterpriseServiceViews {
  serviceOf(uscc: string, serviceId: string): Promise<PreventionService | undefined>;
  servicesOf(uscc: string, query: PageRequest & { readonly status?: ServiceStatus }): Promise<Page<PreventionService>>;
  hazardOf(uscc: string, hazardId: string): Promise<Hazard | undefined>;
  hazardsOf(uscc: string, query: PageRequest & { readonly status?: HazardStatus }): Promise<Page<Hazard>>;
}
