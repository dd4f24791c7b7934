import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { Hazard, HazardStatus } from '../../../domain/services/hazard.js';
import type {
  EnterpriseHazardViews,
  HazardQuery,
  HazardRepository,
  RegulatorHazardQuery,
  RegulatorHazardViews,
} from '../../../domain/services/hazard.repository.js';
import type { Page, PageRequest } from '../../../domain/services/service.repository.js';
import { countyShardedPage } from './county-sharded-page.js';
import { keys } from './keys.js';
import { eq, filterOf, hazardItem, pageOf, servicesOutbox, strip } from './service-items.js';
import type { Store } from './store.js';

/**
 * SVC-7 hazards over the one table: the insurer's (ACL-1), the enterprise's view across insurers (ACL-5) and the
 * regulators' read-only view (ACL-2/ACL-4). Hazards are created with their record (DynamoServiceRepository).
 */
export class DynamoHazardRepository implements HazardRepository, EnterpriseHazardViews, RegulatorHazardViews {
  constructor(private readonly store: Store) {}

  async getHazard(tenantId: string, hazardId: string): Promise<Hazard | undefined> {
    return strip<Hazard>(await this.store.get(keys.hazard(tenantId, hazardId)));
  }

  async getHazards(tenantId: string, hazardIds: readonly string[]): Promise<readonly Hazard[]> {
    if (hazardIds.length === 0) return [];
    const items = await this.store.getMany<Record<string, unknown>>([...new Set(hazardIds)].map((id) => keys.hazard(tenantId, id)));
    const byId = new Map(items.map((item) => strip<Hazard>(item) as Hazard).map((hazard) => [hazard.id, hazard]));
    return hazardIds.flatMap((id) => byId.get(id) ?? []);
  }

  async listHazards(tenantId: string, query: HazardQuery): Promise<Page<Hazard>> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.hazardListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
        filter: filterOf((f) => {
          if (query.status) eq('status', query.status, f);
          if (query.grade) eq('grade', query.grade, f);
          if (query.serviceId) eq('serviceId', query.serviceId, f);
        }),
      }),
    );
  }

  async openHazardsOf(tenantId: string, enterpriseUscc: string): Promise<{ general: number; major: number }> {
    // The due index holds exactly the hazards not yet verified; the tenant's partition keeps IAM layer 2 intact.
    const counts = { general: 0, major: 0 };
    let cursor: string | undefined;
    do {
      const page = await this.store.page<{ grade: string }>({
        index: 'GSI2',
        partition: keys.hazardsDue(tenantId),
        limit: 500,
        cursor,
        filter: filterOf((f) => eq('enterprise.uscc', enterpriseUscc, f)),
      });
      for (const hazard of page.items) {
        if (hazard.grade === 'MAJOR') counts.major += 1;
        else counts.general += 1;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return counts;
  }

  async saveHazard(hazard: Hazard, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: hazardItem(hazard) as never, expectedVersion, entity: 'hazard' }],
      servicesOutbox(hazard.tenantId, events),
    );
  }

  /**
   * SVC-7, ACL-2/ACL-4: hazards across insurers for the regulators (GSI4, one partition per county), read through
   * the regulator session of the caller's scope — a county EMB's session reaches its county's partition only
   * (issue 21). Newest first inside a county; with no county, county by county, the cursor naming the county it
   * stopped in (sealed like any cursor, so it cannot be steered to a county the listing did not reach).
   */
  async listForRegulators(query: RegulatorHazardQuery): Promise<Page<Hazard>> {
    const filter = filterOf((f) => {
      if (query.grade) eq('grade', query.grade, f);
      if (query.status) eq('status', query.status, f);
    });
    return pageOf(
      await countyShardedPage<Record<string, unknown>>(this.store, {
        view: 'REG#HAZARD',
        index: 'GSI4',
        partitionOf: keys.regulatorHazards,
        county: query.county,
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal,
        newestFirst: true,
        filter,
      }),
    );
  }

  // ── ACL-5: the enterprise's view across insurers (GSI3, exact USCC from the token) ─────────────────────────

  async hazardOf(uscc: string, hazardId: string): Promise<Hazard | undefined> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterpriseHazards(uscc),
      sortKey: { equals: hazardId },
      limit: 1,
    });
    return strip<Hazard>(page.items[0]);
  }

  async hazardsOf(uscc: string, query: PageRequest & { readonly status?: HazardStatus }): Promise<Page<Hazard>> {
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI3',
        partition: keys.enterpriseHazards(uscc),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
        filter: filterOf((f) => {
          if (query.status) eq('status', query.status, f);
        }),
      }),
    );
  }
}
