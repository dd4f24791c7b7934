import type { ApiClient } from './api-client';
import type { Hazard, HazardGrade, HazardStatus } from './services-types';
import type {
  Complaint,
  ComplaintStatus,
  EscalateComplaintRequest,
  EscalationTarget,
  ExtendComplaintRequest,
  FileComplaintRequest,
  InsurerSummary,
  Page,
  PageRequest,
  ReceiveComplaintRequest,
  ReplyToComplaintRequest,
} from './types';

const complaintPath = (id: string, action = ''): string => `/complaints/${encodeURIComponent(id)}${action}`;

/** The insurer's complaint inbox (insurer-admin, insurer-staff): CMP-1…6. */
export class ComplaintsApi {
  constructor(private readonly client: ApiClient) {}

  /** Newest first; `overdue` lists those past the binding due date without a reply. */
  list(request: PageRequest & { status?: ComplaintStatus; overdue?: boolean }, signal?: AbortSignal): Promise<Page<Complaint>> {
    return this.client.get('/complaints', { query: { ...request, overdue: request.overdue ? 'true' : undefined }, signal });
  }

  get(id: string, signal?: AbortSignal): Promise<Complaint> {
    return this.client.get(complaintPath(id), { signal });
  }

  /** CMP-1: a complaint received by phone, letter, visit or online. */
  receive(body: ReceiveComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post('/complaints', { body, idempotencyKey });
  }

  /** CMP-3: the facts need further verification (the working-day clock runs longer). */
  requireVerification(id: string, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(complaintPath(id, '/needs-verification'), { body: {}, idempotencyKey });
  }

  /** CMP-4: the one extension of a complex case. */
  extend(id: string, body: ExtendComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(complaintPath(id, '/extend'), { body, idempotencyKey });
  }

  /** CMP-5: the reply with its four parts. */
  reply(id: string, body: ReplyToComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(complaintPath(id, '/reply'), { body, idempotencyKey });
  }

  /** CMP-6: records that the complainant took the complaint to the EMB or the NFRA. */
  recordEscalation(id: string, body: EscalateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(complaintPath(id, '/escalate'), { body, idempotencyKey });
  }
}

const myComplaintPath = (id: string, action = ''): string => `/me/complaints/${encodeURIComponent(id)}${action}`;

/** The enterprise's own complaints across insurers (ACL-5). */
export class MyComplaintsApi {
  constructor(private readonly client: ApiClient) {}

  /** The insurers a complaint can be addressed to. */
  insurers(signal?: AbortSignal): Promise<{ items: readonly InsurerSummary[] }> {
    return this.client.get('/me/insurers', { signal });
  }

  list(request: PageRequest & { status?: ComplaintStatus }, signal?: AbortSignal): Promise<Page<Complaint>> {
    return this.client.get('/me/complaints', { query: { ...request }, signal });
  }

  get(id: string, signal?: AbortSignal): Promise<Complaint> {
    return this.client.get(myComplaintPath(id), { signal });
  }

  /** CMP-1: the insurer is told at once. */
  file(body: FileComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post('/me/complaints', { body, idempotencyKey });
  }

  accept(id: string, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(myComplaintPath(id, '/accept'), { idempotencyKey });
  }

  /** CMP-6: after a reply, or before one once it is overdue. */
  escalate(id: string, body: EscalateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
    return this.client.post(myComplaintPath(id, '/escalate'), { body, idempotencyKey });
  }
}

/** Regulators' read-only views across insurers (ACL-2, ACL-4). */
export class RegulatorApi {
  constructor(private readonly client: ApiClient) {}

  /** CMP-6: escalated complaints; a county EMB gets its own county only. */
  listEscalatedComplaints(
    request: PageRequest & { county?: string; to?: EscalationTarget },
    signal?: AbortSignal,
  ): Promise<Page<Complaint>> {
    return this.client.get('/regulator/complaints', { query: { ...request }, signal });
  }

  /** SVC-7: hazards found by every insurer's services; a county EMB gets its own county only. */
  listHazards(
    request: PageRequest & { county?: string; grade?: HazardGrade; status?: HazardStatus },
    signal?: AbortSignal,
  ): Promise<Page<Hazard>> {
    return this.client.get('/regulator/hazards', { query: { ...request }, signal });
  }
}
