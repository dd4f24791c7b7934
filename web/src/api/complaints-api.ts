import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';
import type { Hazard } from './services-api';

export type Complaint = ResponseOf<'/api/v1/complaints/{complaintId}', 'get'>;
export type ComplaintStatus = Complaint['status'];
export type ComplaintChannel = Complaint['channel'];
export type ComplaintDeadlines = Complaint['deadlines'];
export type ComplaintClock = ComplaintDeadlines['binding']['clock'];
export type ComplaintReply = NonNullable<Complaint['reply']>;
export type ComplaintTimelineKind = Complaint['timeline'][number]['kind'];
export type ReceiveComplaintRequest = BodyOf<'/api/v1/complaints', 'post'>;
export type InsurerIntakeChannel = ReceiveComplaintRequest['channel'];
export type ExtendComplaintRequest = BodyOf<'/api/v1/complaints/{complaintId}/extend', 'post'>;
export type ReplyToComplaintRequest = BodyOf<'/api/v1/complaints/{complaintId}/reply', 'post'>;
export type EscalateComplaintRequest = BodyOf<'/api/v1/complaints/{complaintId}/escalate', 'post'>;
export type EscalationTarget = EscalateComplaintRequest['to'];
export type FileComplaintRequest = BodyOf<'/api/v1/me/complaints', 'post'>;
/** An insurer an enterprise can complain about (`GET /me/insurers`). */
export type InsurerSummary = ItemOf<'/api/v1/me/insurers'>;

/** The insurer's complaint inbox (insurer-admin, insurer-staff): CMP-1…6. */
export class ComplaintsApi {
  constructor(private readonly client: ApiClient) {}

  /** Newest first; `overdue` lists those past the binding due date without a reply. */
  list(
    { overdue, ...query }: Omit<QueryOf<'/api/v1/complaints'>, 'overdue'> & { overdue?: boolean },
    signal?: AbortSignal,
  ): Promise<Page<Complaint>> {
    return ok(this.client.GET('/api/v1/complaints', { params: { query: { ...query, overdue: overdue ? 'true' : undefined } }, signal }));
  }

  get(complaintId: string, signal?: AbortSignal): Promise<Complaint> {
    return ok(this.client.GET('/api/v1/complaints/{complaintId}', { params: { path: { complaintId } }, signal }));
  }

  /** CMP-1: a complaint received by phone, letter, visit or online. */
  receive(body: ReceiveComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/complaints', { body, headers: idempotent(idempotencyKey) }));
  }

  /** CMP-3: the facts need further verification (the working-day clock runs longer). */
  requireVerification(complaintId: string, idempotencyKey: string): Promise<Complaint> {
    return ok(
      this.client.POST('/api/v1/complaints/{complaintId}/needs-verification', {
        params: { path: { complaintId } },
        body: {},
        headers: idempotent(idempotencyKey),
      }),
    );
  }

  /** CMP-4: the one extension of a complex case. */
  extend(complaintId: string, body: ExtendComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/complaints/{complaintId}/extend', { params: { path: { complaintId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** CMP-5: the reply with its four parts. */
  reply(complaintId: string, body: ReplyToComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/complaints/{complaintId}/reply', { params: { path: { complaintId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** CMP-6: records that the complainant took the complaint to the EMB or the NFRA. */
  recordEscalation(complaintId: string, body: EscalateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/complaints/{complaintId}/escalate', { params: { path: { complaintId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

/** The enterprise's own complaints across insurers (ACL-5). */
export class MyComplaintsApi {
  constructor(private readonly client: ApiClient) {}

  /** The insurers a complaint can be addressed to. */
  insurers(signal?: AbortSignal): Promise<ResponseOf<'/api/v1/me/insurers', 'get'>> {
    return ok(this.client.GET('/api/v1/me/insurers', { signal }));
  }

  list(query: QueryOf<'/api/v1/me/complaints'>, signal?: AbortSignal): Promise<Page<Complaint>> {
    return ok(this.client.GET('/api/v1/me/complaints', { params: { query }, signal }));
  }

  get(complaintId: string, signal?: AbortSignal): Promise<Complaint> {
    return ok(this.client.GET('/api/v1/me/complaints/{complaintId}', { params: { path: { complaintId } }, signal }));
  }

  /** CMP-1: the insurer is told at once. */
  file(body: FileComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/me/complaints', { body, headers: idempotent(idempotencyKey) }));
  }

  accept(complaintId: string, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/me/complaints/{complaintId}/accept', { params: { path: { complaintId } }, headers: idempotent(idempotencyKey) }));
  }

  /** CMP-6: after a reply, or before one once it is overdue. */
  escalate(complaintId: string, body: EscalateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return ok(this.client.POST('/api/v1/me/complaints/{complaintId}/escalate', { params: { path: { complaintId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

/** An escalated complaint as regulators list it: with the insurer's name (issue 15: names beside every id). */
export type EscalatedComplaint = ItemOf<'/api/v1/regulator/complaints'>;

/** Regulators' read-only views across insurers (ACL-2, ACL-4). */
export class RegulatorApi {
  constructor(private readonly client: ApiClient) {}

  /** CMP-6: escalated complaints; a county EMB gets its own county only. */
  listEscalatedComplaints(query: QueryOf<'/api/v1/regulator/complaints'>, signal?: AbortSignal): Promise<Page<EscalatedComplaint>> {
    return ok(this.client.GET('/api/v1/regulator/complaints', { params: { query }, signal }));
  }

  /** SVC-7: hazards found by every insurer's services; a county EMB gets its own county only. */
  listHazards(query: QueryOf<'/api/v1/regulator/hazards'>, signal?: AbortSignal): Promise<Page<Hazard>> {
    return ok(this.client.GET('/api/v1/regulator/hazards', { params: { query }, signal }));
  }
}
