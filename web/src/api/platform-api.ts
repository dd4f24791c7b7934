import type { ApiClient } from './api-client';
import type { CreateRegulatorRequest, CreateTenantRequest, Page, PageRequest, Regulator, Tenant } from './types';

/** Platform-operator routes: onboarding insurers (tenants) and regulators. */
export class PlatformApi {
  constructor(private readonly client: ApiClient) {}

  listTenants(request: PageRequest & { q?: string }, signal?: AbortSignal): Promise<Page<Tenant>> {
    return this.client.get('/platform/tenants', { query: { ...request }, signal });
  }

  getTenant(tenantId: string, signal?: AbortSignal): Promise<Tenant> {
    return this.client.get(`/platform/tenants/${encodeURIComponent(tenantId)}`, { signal });
  }

  createTenant(body: CreateTenantRequest, idempotencyKey: string): Promise<Tenant> {
    return this.client.post('/platform/tenants', { body, idempotencyKey });
  }

  listRegulators(request: PageRequest, signal?: AbortSignal): Promise<Page<Regulator>> {
    return this.client.get('/platform/regulators', { query: { ...request }, signal });
  }

  createRegulator(body: CreateRegulatorRequest, idempotencyKey: string): Promise<Regulator> {
    return this.client.post('/platform/regulators', { body, idempotencyKey });
  }
}
