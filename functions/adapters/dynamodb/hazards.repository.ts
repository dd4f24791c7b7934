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
import { XINZHOU_AREAS } from '../../../domain/kernel/area.js';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keys } from './keys.js';
import { eq, filterOf, hazardItem, pageOf, servicesOutbox, strip } from './service-items.js';
import type { Store } from './store.js';

/**
 * The counties of the regulators' hazard view, in the order a city-wide listing reads them: descending, as the
 * one partition sorted by `<county>#…` read newest first used to (SCOPE-5's areas; an enterprise's county is one).
 */
const HAZARD_COUNTIES: readonly string[] = XINZHOU_AREAS.map((area) => area.code as string).sort().reverse();
/** What a city-wide listing's cursor is bound to: no partition of its own, the view across counties. */
const CITY_WIDE_HAZARDS = { name: 'view', value: 'REG#HAZARD#*' } as const;
const CITY_WIDE_CURSOR_KEY = { view: CITY_WIDE_HAZARDS.value } as const;

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
    const shard = (county: string, limit: number, cursor: string | undefined, withTotal: boolean) =>
      this.store.page<Record<string, unknown>>({ index: 'GSI4', partition: keys.regulatorHazards(county), limit, cursor, withTotal, newestFirst: true, filter });
    // A cursor from another county (or forged) is refused by the store as one this listing did not issue (400).
    if (query.county) return pageOf(await shard(query.county, query.limit, query.cursor, query.withTotal === true && !query.cursor));

    let from = 0;
    let inner: string | undefined;
    if (query.cursor) {
      const at = decodeCursor(query.cursor, CITY_WIDE_HAZARDS) ?? {};
      from = HAZARD_COUNTIES.indexOf(at.county ?? '');
      if (from < 0) throw new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this listing issued' }]);
      inner = at.inner === '' ? undefined : at.inner;
    }
    const total =
      query.withTotal === true && !query.cursor
        ? Promise.all(HAZARD_COUNTIES.map((county) => this.store.count({ index: 'GSI4', partition: keys.regulatorHazards(county), filter }))).then((counts) =>
            counts.reduce((sum, count) => sum + count, 0),
          )
        : undefined;
    total?.catch(() => undefined);
    const items: Record<string, unknown>[] = [];
    let nextCursor: string | undefined;
    for (let index = from; index < HAZARD_COUNTIES.length; index += 1) {
      const county = HAZARD_COUNTIES[index] as string;
      const page = await shard(county, query.limit - items.length, inner, false);
      inner = undefined;
      items.push(...page.items);
      const next = page.nextCursor ? { county, inner: page.nextCursor } : items.length >= query.limit ? { county: HAZARD_COUNTIES[index + 1], inner: '' } : undefined;
      if (next) {
        nextCursor = next.county === undefined ? undefined : encodeCursor({ ...CITY_WIDE_CURSOR_KEY, county: next.county, inner: next.inner }, CITY_WIDE_HAZARDS);
        break;
      }
    }
    return pageOf({ items, nextCursor, ...(total ? { total: await total } : {}) });
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
