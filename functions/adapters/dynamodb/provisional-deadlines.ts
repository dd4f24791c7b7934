import type { Complaint } from '../../../domain/complaints/complaint.js';
import type { ProvisionalDeadlines, ProvisionalPage } from '../../../domain/platform/provisional-deadlines.port.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { DynamoComplaintRepository } from './complaint.repository.js';
import { DynamoServiceRepository } from './services.repository.js';
import type { Store } from './store.js';

/**
 * CAL-2: the repositories' own `provisionalDue` reads (GSI2 with a filter on `provisional`), each tenant's with
 * a store on that tenant's scoped role — the platform function's own role reads no tenant data (ACL-3).
 */
export class DynamoProvisionalDeadlines implements ProvisionalDeadlines {
  constructor(private readonly tenantStore: (tenantId: string) => Promise<Store>) {}

  async complaints(tenantId: string, page: { limit: number; cursor?: string }): Promise<ProvisionalPage<Complaint>> {
    return new DynamoComplaintRepository(await this.tenantStore(tenantId)).provisionalDue(tenantId, page);
  }

  async services(tenantId: string, page: { limit: number; cursor?: string }): Promise<ProvisionalPage<PreventionService>> {
    return new DynamoServiceRepository(await this.tenantStore(tenantId)).provisionalDue(tenantId, page.limit, page.cursor);
  }
}
