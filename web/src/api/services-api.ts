import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

/** A prevention service (SVC-1..13). */
export type PreventionService = ResponseOf<'/api/v1/services/{serviceId}', 'get'>;
export type ServiceType = PreventionService['type'];
export type ServiceStatus = PreventionService['status'];
export type ServiceProvider = PreventionService['provider'];
export type ProviderKind = ServiceProvider['kind'];
export type ServedEnterprise = PreventionService['enterprise'];
export type ScheduleConfirmation = NonNullable<PreventionService['scheduleConfirmation']>;
export type ServiceRecord = NonNullable<PreventionService['record']>;
export type ServicePerson = ServiceRecord['personnel'][number];
export type EvidenceItem = PreventionService['evidence'][number];
export type EvidenceKind = EvidenceItem['kind'];
export type GeoLocation = NonNullable<EvidenceItem['location']>;
export type FollowUp = NonNullable<PreventionService['followUp']>;
export type FollowUpChannel = FollowUp['channel'];
export type Signature = NonNullable<PreventionService['confirmations']['insurer']>;
export type ConfirmingParty = Signature['party'];
export type ServiceDeadline = NonNullable<PreventionService['deadlines']>['followUp'];
export type ReviewFlag = PreventionService['reviewFlags'][number];
export type ServiceArchiveRef = NonNullable<PreventionService['archive']>;

export type Hazard = ResponseOf<'/api/v1/hazards/{hazardId}', 'get'>;
export type HazardGrade = Hazard['grade'];
export type HazardStatus = Hazard['status'];
export type HazardNotice = Hazard['notice'];
export type Rectification = NonNullable<Hazard['rectification']>;
export type Verification = Hazard['verifications'][number];

export type ServicePlan = ResponseOf<'/api/v1/policies/{policyId}/service-plan', 'get'>;
export type PlanItem = ServicePlan['items'][number];
export type RiskAssessmentResult = ResponseOf<'/api/v1/policies/{policyId}/risk', 'get'>;
export type RiskGrade = RiskAssessmentResult['grade'];
export type ObligationStatus = ResponseOf<'/api/v1/policies/{policyId}/obligations', 'get'>;
export type Requirement = ObligationStatus['requirements'][number];
export type RequirementStatus = Requirement['status'];
/** SVC-11 (issue 15): one obligation still owed, across the insurer's policies. */
export type ObligationRow = ItemOf<'/api/v1/obligations'>;
export type ObligationListQuery = QueryOf<'/api/v1/obligations'>;

export type ServiceOrg = ResponseOf<'/api/v1/regulator/service-orgs/{orgId}', 'get'>;
export type ServiceOrgStatus = ServiceOrg['status'];
export type Expert = ResponseOf<'/api/v1/regulator/experts/{expertId}', 'get'>;
export type ExpertStatus = Expert['status'];

export type ArchiveRecord = ResponseOf<'/api/v1/archives/{archiveId}', 'get'>;
export type ArchiveVerification = ResponseOf<'/api/v1/archives/{archiveId}/verify', 'get'>;
export type DigestCheck = ArchiveVerification['attachments'][number];

export type ServicePlanRequest = BodyOf<'/api/v1/policies/{policyId}/service-plan', 'put'>;
export type ScheduleServiceRequest = BodyOf<'/api/v1/services', 'post'>;
export type ConfirmScheduleRequest = BodyOf<'/api/v1/services/{serviceId}/confirm-schedule', 'post'>;
export type EvidenceUploadRequest = BodyOf<'/api/v1/services/{serviceId}/evidence-uploads', 'post'>;
export type EvidenceUploadAnswer = ResponseOf<'/api/v1/services/{serviceId}/evidence-uploads', 'post'>;
export type UploadTicket = EvidenceUploadAnswer['ticket'];
export type CompleteServiceRequest = BodyOf<'/api/v1/services/{serviceId}/complete', 'post'>;
export type EvidenceRequest = NonNullable<CompleteServiceRequest['evidence']>[number];
export type HazardFoundRequest = NonNullable<CompleteServiceRequest['hazards']>[number];
export type FollowUpRequest = BodyOf<'/api/v1/services/{serviceId}/follow-up', 'post'>;
export type ConfirmRecordRequest = BodyOf<'/api/v1/services/{serviceId}/confirm', 'post'>;
/** SVC-9, SVC-13: the enterprise's signature captured on the staff's device (an enterprise without an account). */
export type OnSiteSignatureRequest = BodyOf<'/api/v1/services/{serviceId}/on-site-signature', 'post'>;
export type EnterpriseAccount = ResponseOf<'/api/v1/services/{serviceId}/enterprise-account', 'get'>;
/** SVC-7: the enterprise's own report. */
export type RectificationRequest = BodyOf<'/api/v1/me/hazards/{hazardId}/rectification', 'post'>;
/** SVC-7, SVC-13: the enterprise's report captured on the staff's device (an enterprise without an account). */
export type OnSiteRectificationRequest = BodyOf<'/api/v1/hazards/{hazardId}/rectification', 'post'>;
export type OnSiteReport = NonNullable<Rectification['onSiteReports']>[number];
export type VerifyHazardRequest = BodyOf<'/api/v1/hazards/{hazardId}/verify', 'post'>;
export type CreateServiceOrgRequest = BodyOf<'/api/v1/regulator/service-orgs', 'post'>;
export type UpdateServiceOrgRequest = BodyOf<'/api/v1/regulator/service-orgs/{orgId}', 'patch'>;
export type CreateExpertRequest = BodyOf<'/api/v1/regulator/experts', 'post'>;
export type UpdateExpertRequest = BodyOf<'/api/v1/regulator/experts/{expertId}', 'patch'>;

export type ServiceListRequest = QueryOf<'/api/v1/services'>;
export type HazardListRequest = QueryOf<'/api/v1/hazards'>;

/** The insurer's prevention services (SVC-1..13), hazards, plans and archives. */
export class ServicesApi {
  constructor(private readonly client: ApiClient) {}

  list(query: ServiceListRequest, signal?: AbortSignal): Promise<Page<PreventionService>> {
    return ok(this.client.GET('/api/v1/services', { params: { query }, signal }));
  }

  get(serviceId: string, signal?: AbortSignal): Promise<PreventionService> {
    return ok(this.client.GET('/api/v1/services/{serviceId}', { params: { path: { serviceId } }, signal }));
  }

  /** SVC-3/5: schedules a service against a policy (the plan's provider, registered experts). */
  schedule(body: ScheduleServiceRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services', { body, headers: idempotent(idempotencyKey) }));
  }

  confirmSchedule(serviceId: string, body: ConfirmScheduleRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/confirm-schedule', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  evidenceUpload(serviceId: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/evidence-uploads', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  complete(serviceId: string, body: CompleteServiceRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/complete', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  followUp(serviceId: string, body: FollowUpRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/follow-up', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  confirm(serviceId: string, body: ConfirmRecordRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/confirm', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** SVC-9, SVC-13: the enterprise's signer signs on this device; refused (409) for an enterprise with an account. */
  onSiteSignature(serviceId: string, body: OnSiteSignatureRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/on-site-signature', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** SVC-9: whether the served enterprise signs for itself (it has an account). */
  enterpriseAccount(serviceId: string, signal?: AbortSignal): Promise<EnterpriseAccount> {
    return ok(this.client.GET('/api/v1/services/{serviceId}/enterprise-account', { params: { path: { serviceId } }, signal }));
  }

  archive(serviceId: string, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/archive', { params: { path: { serviceId } }, headers: idempotent(idempotencyKey) }));
  }

  cancel(serviceId: string, reason: string, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/services/{serviceId}/cancel', { params: { path: { serviceId } }, body: { reason }, headers: idempotent(idempotencyKey) }));
  }

  listHazards(query: HazardListRequest, signal?: AbortSignal): Promise<Page<Hazard>> {
    return ok(this.client.GET('/api/v1/hazards', { params: { query }, signal }));
  }

  hazardEvidenceUpload(hazardId: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return ok(this.client.POST('/api/v1/hazards/{hazardId}/evidence-uploads', { params: { path: { hazardId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** SVC-7, SVC-13: the enterprise's report captured on this device; refused (409) for an enterprise with an account. */
  captureRectification(hazardId: string, body: OnSiteRectificationRequest, idempotencyKey: string): Promise<Hazard> {
    return ok(this.client.POST('/api/v1/hazards/{hazardId}/rectification', { params: { path: { hazardId } }, body, headers: idempotent(idempotencyKey) }));
  }

  verifyHazard(hazardId: string, body: VerifyHazardRequest, idempotencyKey: string): Promise<Hazard> {
    return ok(this.client.POST('/api/v1/hazards/{hazardId}/verify', { params: { path: { hazardId } }, body, headers: idempotent(idempotencyKey) }));
  }

  plan(policyId: string, signal?: AbortSignal): Promise<ServicePlan> {
    return ok(this.client.GET('/api/v1/policies/{policyId}/service-plan', { params: { path: { policyId } }, signal }));
  }

  savePlan(policyId: string, body: ServicePlanRequest, idempotencyKey: string): Promise<ServicePlan> {
    return ok(this.client.PUT('/api/v1/policies/{policyId}/service-plan', { params: { path: { policyId } }, body, headers: idempotent(idempotencyKey) }));
  }

  risk(policyId: string, signal?: AbortSignal): Promise<RiskAssessmentResult> {
    return ok(this.client.GET('/api/v1/policies/{policyId}/risk', { params: { path: { policyId } }, signal }));
  }

  obligations(policyId: string, signal?: AbortSignal): Promise<ObligationStatus> {
    return ok(this.client.GET('/api/v1/policies/{policyId}/obligations', { params: { path: { policyId } }, signal }));
  }

  /** SVC-11 (issue 15): the obligations still owed across the insurer's current policies, by days left. */
  obligationList(query: ObligationListQuery, signal?: AbortSignal): Promise<ResponseOf<'/api/v1/obligations', 'get'>> {
    return ok(this.client.GET('/api/v1/obligations', { params: { query }, signal }));
  }

  getArchive(archiveId: string, signal?: AbortSignal): Promise<ArchiveRecord> {
    return ok(this.client.GET('/api/v1/archives/{archiveId}', { params: { path: { archiveId } }, signal }));
  }

  verifyArchive(archiveId: string, signal?: AbortSignal): Promise<ArchiveVerification> {
    return ok(this.client.GET('/api/v1/archives/{archiveId}/verify', { params: { path: { archiveId } }, signal }));
  }
}

/** The enterprise's own services and hazards (`/me/…`, ACL-5). */
export class MyServicesApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/me/services'>, signal?: AbortSignal): Promise<Page<PreventionService>> {
    return ok(this.client.GET('/api/v1/me/services', { params: { query }, signal }));
  }

  confirmSchedule(serviceId: string, body: ConfirmScheduleRequest, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/me/services/{serviceId}/confirm-schedule', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  confirm(serviceId: string, body: BodyOf<'/api/v1/me/services/{serviceId}/confirm', 'post'>, idempotencyKey: string): Promise<PreventionService> {
    return ok(this.client.POST('/api/v1/me/services/{serviceId}/confirm', { params: { path: { serviceId } }, body, headers: idempotent(idempotencyKey) }));
  }

  listHazards(query: QueryOf<'/api/v1/me/hazards'>, signal?: AbortSignal): Promise<Page<Hazard>> {
    return ok(this.client.GET('/api/v1/me/hazards', { params: { query }, signal }));
  }

  hazardEvidenceUpload(hazardId: string, body: EvidenceUploadRequest, idempotencyKey: string): Promise<EvidenceUploadAnswer> {
    return ok(this.client.POST('/api/v1/me/hazards/{hazardId}/evidence-uploads', { params: { path: { hazardId } }, body, headers: idempotent(idempotencyKey) }));
  }

  reportRectification(hazardId: string, body: RectificationRequest, idempotencyKey: string): Promise<Hazard> {
    return ok(this.client.POST('/api/v1/me/hazards/{hazardId}/rectification', { params: { path: { hazardId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

/** The city EMB's registers of organisations (REG-2) and experts (REG-3). */
export class ProvidersApi {
  constructor(private readonly client: ApiClient) {}

  listOrgs(query: QueryOf<'/api/v1/regulator/service-orgs'>, signal?: AbortSignal): Promise<Page<ServiceOrg>> {
    return ok(this.client.GET('/api/v1/regulator/service-orgs', { params: { query }, signal }));
  }

  createOrg(body: CreateServiceOrgRequest, idempotencyKey: string): Promise<ServiceOrg> {
    return ok(this.client.POST('/api/v1/regulator/service-orgs', { body, headers: idempotent(idempotencyKey) }));
  }

  updateOrg(orgId: string, body: UpdateServiceOrgRequest, idempotencyKey: string): Promise<ServiceOrg> {
    return ok(this.client.PATCH('/api/v1/regulator/service-orgs/{orgId}', { params: { path: { orgId } }, body, headers: idempotent(idempotencyKey) }));
  }

  listExperts(query: QueryOf<'/api/v1/regulator/experts'>, signal?: AbortSignal): Promise<Page<Expert>> {
    return ok(this.client.GET('/api/v1/regulator/experts', { params: { query }, signal }));
  }

  createExpert(body: CreateExpertRequest, idempotencyKey: string): Promise<Expert> {
    return ok(this.client.POST('/api/v1/regulator/experts', { body, headers: idempotent(idempotencyKey) }));
  }

  updateExpert(expertId: string, body: UpdateExpertRequest, idempotencyKey: string): Promise<Expert> {
    return ok(this.client.PATCH('/api/v1/regulator/experts/{expertId}', { params: { path: { expertId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

/** Items of a list answer, for the pages that only need the row type. */
export type ServiceListItem = ItemOf<'/api/v1/services'>;
