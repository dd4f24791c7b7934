import { StaleVersion } from '../../domain/kernel/errors.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';

/** Runs `work` for every onboarded tenant, page by page: the sweeps' cost grows with tenants and what is due. */
export async function forEachTenant(platform: PlatformRepository, work: (tenantId: string) => Promise<void>): Promise<void> {
  let cursor: string | undefined;
  do {
    const tenants = await platform.listTenants({ limit: 100, cursor });
    for (const tenant of tenants.items) await work(tenant.id);
    cursor = tenants.nextCursor;
  } while (cursor);
}

/** One page of a tenant's items and the cursor of the next (absent on the last). */
export interface TenantPage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * Runs `step` on every item of every tenant that `pageOf` lists, 100 at a time, and counts the items whose
 * step wrote something. An item changed since it was read (`StaleVersion`: a reply just landed, another run
 * got there first) is left alone; its own save already took care of it, or the next run finds it again.
 */
export async function forEachDueItem<T>(
  platform: PlatformRepository,
  pageOf: (tenantId: string, page: { limit: number; cursor?: string }) => Promise<TenantPage<T>>,
  step: (item: T, tenantId: string) => Promise<boolean>,
): Promise<number> {
  let written = 0;
  await forEachTenant(platform, async (tenantId) => {
    let cursor: string | undefined;
    do {
      const page = await pageOf(tenantId, { limit: 100, cursor });
      for (const item of page.items) {
        try {
          if (await step(item, tenantId)) written += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error;
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  });
  return written;
}
