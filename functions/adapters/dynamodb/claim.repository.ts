import type { Claim } from '../../../domain/claims/claim.js';
import type { ClaimPage, ClaimPageRequest, ClaimRepository, ClaimViews, TenantClaimQuery } from '../../../domain/claims/claim.repository.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import { countyShardedPage } from './county-sharded-page.js';
import { keys } from './keys.js';
import { outboxOf } from './store.js';
import type { OutboxEvent, Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * The stored claim carries its index entries, so one write keeps every view in step: the insurer's listing
 * (GSI1), the enterprise's view across insurers (GSI3) and, once declined, the regulators' view by county (GSI4,
 * sparse — CLM-1: regulators watch every decline).
 */
function toItem(claim: Claim): Record<string, unknown> {
  const declined = claim.decision?.outcome === 'DECLINED' ? claim.decision : undefined;
  return {
    ...claim,
    ...keys.claim(claim.tenantId, claim.id),
    kind: 'CLAIM',
    GSI1PK: keys.claimListing(claim.tenantId),
    GSI1SK: claim.id,
    GSI3PK: keys.enterpriseClaims(claim.enterprise.uscc),
    GSI3SK: claim.id,
    ...(declined ? { GSI4PK: keys.declinedClaims(claim.enterprise.county), GSI4SK: `${declined.decidedAt}#${claim.id}` } : {}),
  };
}

const toDomain = (item: Record<string, unknown> | undefined): Claim | undefined => item && entityOf<Claim>(item);

const outboxOfChange = ({ state, events }: Changed<Claim>): OutboxEvent[] => events.map((event) => outboxOf(event, keys.claim(state.tenantId, state.id)));

const pageOfItems = (page: { items: Record<string, unknown>[]; nextCursor?: string; total?: number }): ClaimPage => ({
  items: page.items.map((item) => toDomain(item) as Claim),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

/** The insurer's list filters: status, outcome, and a name or policy-number search (a filter on its own partition). */
function tenantFilter(query: TenantClaimQuery) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.status) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.outcome) {
    conditions.push('decision.outcome = :outcome');
    values[':outcome'] = query.outcome;
  }
  if (query.q) {
    conditions.push('(contains(enterprise.#name, :q) OR contains(policyNumber, :q))');
    names['#name'] = 'name';
    values[':q'] = query.q;
  }
  if (conditions.length === 0) return undefined;
  return {
    FilterExpression: conditions.join(' AND '),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  };
}

/** Claims over the one table; every change is one transaction with the events it raised. */
export class DynamoClaimRepository implements ClaimRepository, ClaimViews {
  constructor(private readonly store: Store) {}

  async create(change: Changed<Claim>): Promise<void> {
    const claim = change.state;
    await this.store.commit(
      [{ kind: 'create', item: toItem(claim) as never, onExists: () => new Conflict(`claim ${claim.id} exists`) }],
      outboxOfChange(change),
    );
  }

  async get(tenantId: string, claimId: string): Promise<Claim | undefined> {
    return toDomain(await this.store.get(keys.claim(tenantId, claimId)));
  }

  async listByTenant(tenantId: string, query: TenantClaimQuery): Promise<ClaimPage> {
    return pageOfItems(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.claimListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
        filter: tenantFilter(query),
      }),
    );
  }

  async save(change: Changed<Claim>, expectedVersion: number): Promise<void> {
    await this.store.commit([{ kind: 'update', item: toItem(change.state) as never, expectedVersion, entity: 'claim' }], outboxOfChange(change));
  }

  async getForEnterprise(uscc: string, claimId: string): Promise<Claim | undefined> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterpriseClaims(uscc),
      sortKey: { equals: claimId },
      limit: 1,
    });
    return toDomain(page.items[0]);
  }

  async listByEnterprise(uscc: string, query: ClaimPageRequest): Promise<ClaimPage> {
    return pageOfItems(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI3',
        partition: keys.enterpriseClaims(uscc),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
      }),
    );
  }

  /** CLM-1, ACL-4 (issue 21): one partition per county, read through the regulator session of the caller's scope. */
  async listDeclined(query: ClaimPageRequest & { readonly county?: string }): Promise<ClaimPage> {
    return pageOfItems(
      await countyShardedPage<Record<string, unknown>>(this.store, {
        view: 'REG#CLAIM-DECLINED',
        index: 'GSI4',
        partitionOf: keys.declinedClaims,
        county: query.county,
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal,
        newestFirst: true,
      }),
    );
  }
}
