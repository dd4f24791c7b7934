import type { ApiClient } from './api-client';
import type { Page, PageRequest } from './types';
import type {
  CancelPolicyRequest,
  EndorsePolicyRequest,
  Industry,
  IssuePolicyRequest,
  Policy,
  PolicyStatus,
  PutQualificationRequest,
  QualificationAnswer,
  RegisterEntry,
} from './underwriting-types';

const policyPath = (id: string, action = ''): string => `/policies/${encodeURIComponent(id)}${action}`;

/** The insurer's qualification filing (QUAL-1..6) and its live eligibility. */
export class QualificationApi {
  constructor(private readonly client: ApiClient) {}

  /** The year's filing (absent before the first save) and the eligibility today, criterion by criterion. */
  get(year: number, signal?: AbortSignal): Promise<QualificationAnswer> {
    return this.client.get(`/qualification/${year}`, { signal });
  }

  /** Files or corrects the whole filing of the year (a PUT replaces it); answers the eligibility after the save. */
  put(year: number, body: PutQualificationRequest, idempotencyKey: string): Promise<QualificationAnswer> {
    return this.client.put(`/qualification/${year}`, { body, idempotencyKey });
  }
}

export interface PolicyListRequest extends PageRequest {
  readonly status?: PolicyStatus;
  readonly industry?: Industry;
  readonly county?: string;
  /** Co-insured policies led by another insurer (read-only). */
  readonly shared?: boolean;
}

/** The insurer's policies (UW-1..10). */
export class PoliciesApi {
  constructor(private readonly client: ApiClient) {}

  list(request: PolicyListRequest, signal?: AbortSignal): Promise<Page<Policy>> {
    return this.client.get('/policies', { query: { ...request, shared: request.shared ? 'true' : undefined }, signal });
  }

  get(id: string, signal?: AbortSignal): Promise<Policy> {
    return this.client.get(policyPath(id), { signal });
  }

  /** UW-1..10; refusals name the rule and the field (UW-8 lists every failing QUAL criterion). */
  issue(body: IssuePolicyRequest, idempotencyKey: string): Promise<Policy> {
    return this.client.post('/policies', { body, idempotencyKey });
  }

  endorse(id: string, body: EndorsePolicyRequest, idempotencyKey: string): Promise<Policy> {
    return this.client.post(policyPath(id, '/endorsements'), { body, idempotencyKey });
  }

  cancel(id: string, body: CancelPolicyRequest, idempotencyKey: string): Promise<Policy> {
    return this.client.post(policyPath(id, '/cancel'), { body, idempotencyKey });
  }

  /** REG-1: one enterprise of the regulators' register, by USCC, to underwrite it. */
  lookUpEnterprise(uscc: string, signal?: AbortSignal): Promise<RegisterEntry> {
    return this.client.get(`/register/enterprises/${encodeURIComponent(uscc)}`, { signal });
  }
}

/** The enterprise's own policies across insurers (ACL-5). */
export class MyPoliciesApi {
  constructor(private readonly client: ApiClient) {}

  list(request: PageRequest, signal?: AbortSignal): Promise<Page<Policy>> {
    return this.client.get('/me/policies', { query: { ...request }, signal });
  }
}
