import type { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';

/** Runs `work` for every onboarded tenant, page by page: the sweeps' cost grows with tenants and what is due. */
export async function forEachTenant(platform: DynamoPlatformRepository, work: (tenantId: string) => Promise<void>): Promise<void> {
  let cursor: string | undefined;
  do {
    const tenants = await platform.listTenants({ limit: 100, cursor });
    for (const tenant of tenants.items) await work(tenant.id);
    cursor = tenants.nextCursor;
  } while (cursor);
}
