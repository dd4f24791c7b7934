import { ok, type ApiClient } from './api-client';
import type { QueryOf, ResponseOf } from './contract';

/** Issue 14: the regulators' read-only view of every insurer's work (ACL-2; a county EMB its county, ACL-4). */
export type InsurersAnswer = ResponseOf<'/api/v1/regulator/insurers', 'get'>;
export type SupervisedInsurer = InsurersAnswer['items'][number];
export type InsurerPoliciesAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/policies', 'get'>;
export type SupervisedPolicy = InsurerPoliciesAnswer['items'][number];
export type InsurerServicesAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/services', 'get'>;
export type SupervisedService = InsurerServicesAnswer['items'][number];
export type InsurerPolicyAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/policies/{policyId}', 'get'>;
export type InsurerServiceAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/services/{serviceId}', 'get'>;
export type InsurerFeesAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/fees', 'get'>;
/** Issue 14: the supervision overview from the counters (the regulators' home). */
export type SupervisionOverview = ResponseOf<'/api/v1/regulator/overview', 'get'>;
export type OverviewInsurer = SupervisionOverview['insurers'][number];
export type OverviewCounty = SupervisionOverview['counties'][number];
export type InsurerPoliciesRequest = QueryOf<'/api/v1/regulator/insurers/{tenantId}/policies'>;
export type InsurerServicesRequest = QueryOf<'/api/v1/regulator/insurers/{tenantId}/services'>;

export class SupervisionApi {
  constructor(private readonly client: ApiClient) {}

  overview(year: number | undefined, signal?: AbortSignal): Promise<SupervisionOverview> {
    return ok(this.client.GET('/api/v1/regulator/overview', { params: { query: { year } }, signal }));
  }

  insurers(query: QueryOf<'/api/v1/regulator/insurers'>, signal?: AbortSignal): Promise<InsurersAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers', { params: { query }, signal }));
  }

  policies(tenantId: string, query: InsurerPoliciesRequest, signal?: AbortSignal): Promise<InsurerPoliciesAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/policies', { params: { path: { tenantId }, query }, signal }));
  }

  policy(tenantId: string, policyId: string, signal?: AbortSignal): Promise<InsurerPolicyAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/policies/{policyId}', { params: { path: { tenantId, policyId } }, signal }));
  }

  services(tenantId: string, query: InsurerServicesRequest, signal?: AbortSignal): Promise<InsurerServicesAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/services', { params: { path: { tenantId }, query }, signal }));
  }

  service(tenantId: string, serviceId: string, signal?: AbortSignal): Promise<InsurerServiceAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/services/{serviceId}', { params: { path: { tenantId, serviceId } }, signal }));
  }

  fees(tenantId: string, year: number | undefined, signal?: AbortSignal): Promise<InsurerFeesAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/fees', { params: { path: { tenantId }, query: { year } }, signal }));
  }
}
