import type { ApiClient } from './api-client';
import type {
  ArchiveRecord,
  ArchiveVerification,
  CompleteServiceRequest,
  ConfirmRecordRequest,
  ConfirmScheduleRequest,
  CreateExpertRequest,
  CreateServiceOrgRequest,
  EvidenceUploadAnswer,
  EvidenceUploadRequest,
  Expert,
  ExpertStatus,
  FollowUpRequest,
  Hazard,
  HazardGrade,
  HazardStatus,
  ObligationStatus,
  PreventionService,
  RectificationRequest,
  RiskAssessmentResult,
  ScheduleServiceRequest,
  ServiceOrg,
  ServiceOrgStatus,
  ServicePlan,
  ServicePlanRequest,
  ServiceStatus,
  UpdateExpertRequest,
  UpdateServiceOrgRequest,
  VerifyHazardRequest,
} from './services-types';
import type { LocalDate, Page, PageRequest } from './types';

const encode = encodeURIComponent;
const servicePath = (id: string, action = ''): string => `/services/${encode(id)}${action}`;
const hazardPath = (id: string, action = ''): string => `/hazards/${encode(id)}${action}`;
const policyPath = (id: string, action: string): string => `/policies/${encode(id)}${action}`;

export interface ServiceListRequest extends PageRequest {
  readonly policyId?: string;
  readonly status?: ServiceStatus;
  /** Services with a follow-up or archive deadline on or before this day (SVC-8, SVC-9). */
  readonly dueBefore?: LocalDate;
}

export interface HazardListRequest extends PageRequest {
  readonly status?: HazardStatus;
  readonly grade?: HazardGrade;
  /** The hazards found on one service (insurer only). */
  readonly serviceId?: string;
}

/** The insurer's prevention services (SVC-1..13): plans, services, hazards and their archives. */
export class ServicesApi {
  constructor(private readonly client: ApiClient) {}

  list(request: ServiceListRequest, signal?: AbortSignal): Promise<Page<PreventionService>> {
    return this.client.get('/services', { query: { ...request }, signal });
  }

  get(id: string, signal?: AbortSignal): Promise<PreventionService> {
    return this.client.get(servicePath(id), { signal });
  }

  /** SVC-3, SVC-4, SVC-6: a service on a policy, by the insurer's own team or a registered organisation. */
  schedule(body: ScheduleServiceRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post('/services', { body, idempotencyKey });
  }

  /** SVC-5: the enterprise agreed the items, measures and time (recorded by the insurer). */
  confirmSchedule(id: string, body: ConfirmScheduleRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/confirm-schedule'), { body, idempotencyKey });
  }

  /** SVC-13: a ticket to upload one evidence file straight to the archive store. */
  evidenceUpload(id: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return this.client.post(servicePath(id, '/evidence-uploads'), { body, idempotencyKey });
  }

  /** SVC-7, SVC-9: the record of the service, with the hazards found (each notified in writing). */
  complete(id: string, body: CompleteServiceRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/complete'), { body, idempotencyKey });
  }

  /** SVC-8: 回访. */
  followUp(id: string, body: FollowUpRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/follow-up'), { body, idempotencyKey });
  }

  /** SVC-9, SVC-13: a party's signature (the enterprise's recorded on its behalf). */
  confirm(id: string, body: ConfirmRecordRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/confirm'), { body, idempotencyKey });
  }

  /** SVC-10: the confirmed record into the write-once archive. */
  archive(id: string, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/archive'), { body: {}, idempotencyKey });
  }

  cancel(id: string, reason: string, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(servicePath(id, '/cancel'), { body: { reason }, idempotencyKey });
  }

  listHazards(request: HazardListRequest, signal?: AbortSignal): Promise<Page<Hazard>> {
    return this.client.get('/hazards', { query: { ...request }, signal });
  }

  hazardEvidenceUpload(id: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return this.client.post(hazardPath(id, '/evidence-uploads'), { body, idempotencyKey });
  }

  reportRectification(id: string, body: RectificationRequest, idempotencyKey: string): Promise<Hazard> {
    return this.client.post(hazardPath(id, '/rectification'), { body, idempotencyKey });
  }

  /** SVC-7: the insurer checks a rectified hazard (refused: back to RECTIFYING). */
  verifyHazard(id: string, body: VerifyHazardRequest, idempotencyKey: string): Promise<Hazard> {
    return this.client.post(hazardPath(id, '/verify'), { body, idempotencyKey });
  }

  plan(policyId: string, signal?: AbortSignal): Promise<ServicePlan> {
    return this.client.get(policyPath(policyId, '/service-plan'), { signal });
  }

  /** SVC-1, SVC-4: the plan must meet the policy's minimums; each shortfall comes back as a field issue. */
  savePlan(policyId: string, body: ServicePlanRequest, idempotencyKey: string): Promise<ServicePlan> {
    return this.client.put(policyPath(policyId, '/service-plan'), { body, idempotencyKey });
  }

  /** SVC-12. */
  risk(policyId: string, signal?: AbortSignal): Promise<RiskAssessmentResult> {
    return this.client.get(policyPath(policyId, '/risk'), { signal });
  }

  /** SVC-1, SVC-2, SVC-11. */
  obligations(policyId: string, signal?: AbortSignal): Promise<ObligationStatus> {
    return this.client.get(policyPath(policyId, '/obligations'), { signal });
  }

  getArchive(archiveId: string, signal?: AbortSignal): Promise<ArchiveRecord> {
    return this.client.get(`/archives/${encode(archiveId)}`, { signal });
  }

  /** SVC-10: the stored bytes hashed again against the recorded digest. */
  verifyArchive(archiveId: string, signal?: AbortSignal): Promise<ArchiveVerification> {
    return this.client.get(`/archives/${encode(archiveId)}/verify`, { signal });
  }
}

const myServicePath = (id: string, action = ''): string => `/me/services/${encode(id)}${action}`;
const myHazardPath = (id: string, action = ''): string => `/me/hazards/${encode(id)}${action}`;

/** The enterprise's own services and hazards (ACL-5). */
export class MyServicesApi {
  constructor(private readonly client: ApiClient) {}

  list(request: PageRequest & { status?: ServiceStatus }, signal?: AbortSignal): Promise<Page<PreventionService>> {
    return this.client.get('/me/services', { query: { ...request }, signal });
  }

  /** SVC-5. */
  confirmSchedule(id: string, body: ConfirmScheduleRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(myServicePath(id, '/confirm-schedule'), { body, idempotencyKey });
  }

  /** SVC-9, SVC-13: the enterprise's own signature on the record. */
  confirm(id: string, body: ConfirmRecordRequest, idempotencyKey: string): Promise<PreventionService> {
    return this.client.post(myServicePath(id, '/confirm'), { body, idempotencyKey });
  }

  listHazards(request: HazardListRequest, signal?: AbortSignal): Promise<Page<Hazard>> {
    return this.client.get('/me/hazards', { query: { ...request }, signal });
  }

  hazardEvidenceUpload(id: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return this.client.post(myHazardPath(id, '/evidence-uploads'), { body, idempotencyKey });
  }

  /** SVC-7: the plan, due date and responsible person; later, closed with evidence. */
  reportRectification(id: string, body: RectificationRequest, idempotencyKey: string): Promise<Hazard> {
    return this.client.post(myHazardPath(id, '/rectification'), { body, idempotencyKey });
  }
}

/** The city EMB's registers of service providers: organisations (REG-2) and experts (REG-3). */
export class ProvidersApi {
  constructor(private readonly client: ApiClient) {}

  listOrgs(request: PageRequest & { status?: ServiceOrgStatus }, signal?: AbortSignal): Promise<Page<ServiceOrg>> {
    return this.client.get('/regulator/service-orgs', { query: { ...request }, signal });
  }

  createOrg(body: CreateServiceOrgRequest, idempotencyKey: string): Promise<ServiceOrg> {
    return this.client.post('/regulator/service-orgs', { body, idempotencyKey });
  }

  updateOrg(id: string, body: UpdateServiceOrgRequest, idempotencyKey: string): Promise<ServiceOrg> {
    return this.client.patch(`/regulator/service-orgs/${encode(id)}`, { body, idempotencyKey });
  }

  listExperts(request: PageRequest & { status?: ExpertStatus; specialty?: string }, signal?: AbortSignal): Promise<Page<Expert>> {
    return this.client.get('/regulator/experts', { query: { ...request }, signal });
  }

  createExpert(body: CreateExpertRequest, idempotencyKey: string): Promise<Expert> {
    return this.client.post('/regulator/experts', { body, idempotencyKey });
  }

  updateExpert(id: string, body: UpdateExpertRequest, idempotencyKey: string): Promise<Expert> {
    return this.client.patch(`/regulator/experts/${encode(id)}`, { body, idempotencyKey });
  }
}
