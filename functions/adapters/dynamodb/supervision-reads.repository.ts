import type { PreventionService } from '../../../domain/services/service.js';
import type {
  Page,
  SupervisedPolicyQuery,
  SupervisedServiceQuery,
  SupervisionReads,
} from '../../../domain/supervision/supervision-reads.port.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { DynamoPolicyRepository } from './policy.repository.js';
import { keys } from './keys.js';
import { eq, filterOf, servicePageOf, toService } from './service-items.js';
import type { Store } from './store.js';
import { entityOf } from './stored-item.js';

type Filters = Parameters<Parameters<typeof filterOf>[0]>[0];

/** A dotted path with every part named (`enterprise.name`: `name` is a DynamoDB reserved word). */
function pathOf(name: string, filters: Filters): string {
  const at = filters.conditions.length;
  return name
    .split('.')
    .map((part, index) => {
      const n = `#s${at}_${index}`;
      filters.names[n] = part;
      return n;
    })
    .join('.');
}

/** `path = value` or `contains(path, value)`, conditions of the same filter as `eq`'s. */
function condition(kind: 'eq' | 'contains', name: string, value: string, filters: Filters): void {
  const path = pathOf(name, filters);
  const v = `:s${filters.conditions.length}`;
  filters.values[v] = value;
  filters.conditions.push(kind === 'eq' ? `${path} = ${v}` : `contains(${path}, ${v})`);
}

type PageQuery = Parameters<Store['page']>[0];

/**
 * A filter (a county, a name) is applied after DynamoDB's `Limit`, so one Query may return few or none of a page's
 * rows and a cursor. Up to this many Queries fill the page, each asking only for what is still missing, so a page
 * never holds more than `limit` rows and its cursor follows its last Query. There is no per-insurer-per-county
 * index: a county EMB's page reads the insurer's listing in order until it has its county's rows.
 */
const FILL_QUERIES = 5;

export async function filledPage(
  store: Store,
  query: PageQuery,
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string; total?: number }> {
  const items: Record<string, unknown>[] = [];
  let cursor = query.cursor;
  let total: number | undefined;
  // Issues 14/15: asked on a first page (no cursor), its first Query also counts the matching rows; a filter's Query evaluates up to
  // FILL_EVALUATE items, so a rare county or name fills its page in few Queries.
  for (let calls = 0; calls < FILL_QUERIES; calls += 1) {
    const page = await store.page<Record<string, unknown>>({
      ...query,
      limit: query.limit - items.length,
      cursor,
      evaluate: FILL_EVALUATE,
      withTotal: query.withTotal === true && !query.cursor && calls === 0,
    });
    if (calls === 0) total = page.total;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor || items.length >= query.limit || !query.filter) break;
  }
  return { items, nextCursor: cursor, ...(total === undefined ? {} : { total }) };
}

/** Items one filtered Query of a supervision list evaluates (Store.page's `evaluate`). */
const FILL_EVALUATE = 500;

const toPolicy = (item: Record<string, unknown>): Policy => entityOf<Policy>(item, ['projections']);

/**
 * ACL-2/ACL-4: the supervision context's reads of one insurer's policies and services, over the insurer's own
 * keys and indexes (keys.ts) — the same ones the insurer's own listings use, so nothing is scanned: a county or
 * a name narrows a Query of that insurer's listing (a filter), a USCC or a policy number goes straight to its
 * key. Built on a Store whose client holds the read-only regulator credentials.
 */
export class DynamoSupervisionReads implements SupervisionReads {
  private readonly policies: DynamoPolicyRepository;

  constructor(private readonly store: Store) {
    this.policies = new DynamoPolicyRepository(store);
  }

  async listPolicies(tenantId: string, query: SupervisedPolicyQuery): Promise<Page<Policy>> {
    const filter = filterOf((f) => {
      if (query.status) eq('status', query.status, f);
      if (query.county) condition('eq', 'enterprise.county', query.county, f);
      if (query.enterpriseName) condition('contains', 'enterprise.name', query.enterpriseName, f);
      if (query.search) {
        // Issue 15's one box: part of the enterprise's name or of the policy number.
        Object.assign(f.names, { '#qEnterprise': 'enterprise', '#qName': 'name', '#qNumber': 'policyNumber' });
        f.values[':q'] = query.search;
        f.conditions.push('(contains(#qEnterprise.#qName, :q) OR contains(#qNumber, :q))');
      }
      if (query.uscc) {
        // GSI2 of a tenant also holds the co-insured copies it is a member of: the lead's own only.
        eq('tenantId', tenantId, f);
        eq('kind', 'POLICY', f);
      }
    });
    if (query.policyNumber) {
      // UW-1: one policy per number and insurer — its uniqueness item names it.
      const policy = await this.policies.getByPolicyNumber(tenantId, query.policyNumber);
      const kept =
        policy &&
        (!query.status || policy.status === query.status) &&
        (!query.county || policy.enterprise.county === query.county) &&
        (!query.uscc || policy.enterprise.uscc === query.uscc) &&
        (!query.enterpriseName || policy.enterprise.name.includes(query.enterpriseName));
      return { items: kept ? [policy] : [], total: kept ? 1 : 0 };
    }
    const page = await filledPage(
      this.store,
      query.uscc
        ? {
            index: 'GSI2',
            partition: keys.enterprisePoliciesOfTenant(tenantId, query.uscc),
            limit: query.limit,
            cursor: query.cursor,
            withTotal: query.withTotal === true,
            newestFirst: true,
            filter,
          }
        : { index: 'GSI1', partition: keys.policyListing(tenantId), limit: query.limit, cursor: query.cursor, newestFirst: true, filter, withTotal: query.withTotal === true },
    );
    return { items: page.items.map(toPolicy), nextCursor: page.nextCursor, total: page.total };
  }

  getPolicy(tenantId: string, policyId: string): Promise<Policy | undefined> {
    return this.policies.get(tenantId, policyId);
  }

  async listServices(tenantId: string, query: SupervisedServiceQuery): Promise<Page<PreventionService>> {
    const filter = filterOf((f) => {
      if (query.status) eq('status', query.status, f);
      if (query.county) condition('eq', 'enterprise.county', query.county, f);
    });
    // SVC-8/SVC-9: overdue = an open deadline before today, read from the sparse due index (what is due, not all).
    if (query.overdueOn) {
      return servicePageOf(
        await filledPage(this.store, {
          index: 'GSI2',
          partition: keys.servicesDue(tenantId),
          sortKey: { lessThan: query.overdueOn },
          limit: query.limit,
          cursor: query.cursor,
          withTotal: query.withTotal === true,
          filter,
        }),
      );
    }
    return servicePageOf(
      await filledPage(this.store, {
        index: 'GSI1',
        partition: keys.serviceListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true,
        newestFirst: true,
        filter,
      }),
    );
  }

  async getService(tenantId: string, serviceId: string): Promise<PreventionService | undefined> {
    return toService(await this.store.get(keys.service(tenantId, serviceId)));
  }
}
