import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Expert } from '../../../domain/register/expert.js';
import type {
  ExpertQuery,
  ProviderPage,
  ProviderRegisterRepository,
  ServiceOrgQuery,
} from '../../../domain/register/provider-registers.js';
import type { ServiceOrg } from '../../../domain/register/service-org.js';
import { Conflict, RuleViolation } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { keys, type ItemKey } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

type Filter = Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/**
 * An id from outside (a path, a service's expert list) as a key, or `undefined` when it could never be one:
 * such an id names nothing, which is an answer (absent), not a failure.
 */
function keyOf(build: (id: string) => ItemKey, id: string): ItemKey | undefined {
  try {
    return build(id);
  } catch {
    return undefined;
  }
}

function orgItem(org: ServiceOrg): Record<string, unknown> & ItemKey & { version: number } {
  return { ...org, ...keys.serviceOrg(org.id), kind: 'SERVICE_ORG', GSI1PK: keys.serviceOrgListing(), GSI1SK: org.id };
}

function expertItem(expert: Expert): Record<string, unknown> & ItemKey & { version: number } {
  return { ...expert, ...keys.expert(expert.id), kind: 'EXPERT', GSI1PK: keys.expertListing(), GSI1SK: expert.id };
}

/** Conditions joined with AND, their names and values merged; `undefined` when there is none. */
function allOf(filters: readonly Filter[]): Filter | undefined {
  if (filters.length === 0) return undefined;
  return {
    FilterExpression: filters.map((filter) => `(${filter.FilterExpression})`).join(' AND '),
    ExpressionAttributeNames: Object.assign({}, ...filters.map((filter) => filter.ExpressionAttributeNames)),
    ExpressionAttributeValues: Object.assign({}, ...filters.map((filter) => filter.ExpressionAttributeValues)),
  };
}

const statusIs = (status: string): Filter => ({
  FilterExpression: '#status = :status',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':status': status },
});

/**
 * The city EMB's provider registers over the one table: organisations (REG-2) and the expert pool (REG-3),
 * each a small city-wide listing on GSI1 (tens to a few hundred items), so filters ride on the listing's
 * Query rather than on indexes of their own. Every change is one transaction with its outbox event.
 */
export class DynamoProviderRegisters implements ProviderRegisterRepository {
  constructor(private readonly store: Store) {}

  /** REG-2: the organisation and its registration-number guard in one transaction, so a number is never held twice. */
  async createServiceOrg(org: ServiceOrg, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [
        { kind: 'create', item: orgItem(org), onExists: () => new Conflict(`service organisation ${org.id} exists`) },
        {
          kind: 'create',
          item: { ...keys.serviceOrgRegistration(org.registrationNumber), kind: 'UNIQUE', orgId: org.id },
          onExists: () =>
            new RuleViolation(
              'REG-2',
              'registrationNumber',
              `REG-2: registration number ${org.registrationNumber} is already registered to another organisation`,
              409,
            ),
        },
      ],
      events.map((event) => outboxOf(event, keys.serviceOrg(org.id))),
    );
  }

  async saveServiceOrg(org: ServiceOrg, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: orgItem(org), expectedVersion, entity: 'service organisation' }],
      events.map((event) => outboxOf(event, keys.serviceOrg(org.id))),
    );
  }

  async getServiceOrg(id: string): Promise<ServiceOrg | undefined> {
    const key = keyOf(keys.serviceOrg, id);
    const item = key && (await this.store.get<Record<string, unknown>>(key));
    return item ? entityOf<ServiceOrg>(item) : undefined;
  }

  /** Newest registration first; `usableOn` is SVC-6's test (ACTIVE, validFrom ≤ day ≤ validTo) as a filter. */
  async listServiceOrgs(query: ServiceOrgQuery): Promise<ProviderPage<ServiceOrg>> {
    const filters: Filter[] = [];
    if (query.status !== undefined) filters.push(statusIs(query.status));
    if (query.usableOn !== undefined) {
      filters.push({
        FilterExpression: '#usableStatus = :active AND #validFrom <= :on AND #validTo >= :on',
        ExpressionAttributeNames: { '#usableStatus': 'status', '#validFrom': 'validFrom', '#validTo': 'validTo' },
        ExpressionAttributeValues: { ':active': 'ACTIVE', ':on': query.usableOn },
      });
    }
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.serviceOrgListing(),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: allOf(filters),
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => entityOf<ServiceOrg>(item)), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async addExpert(expert: Expert, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'create', item: expertItem(expert), onExists: () => new Conflict(`expert ${expert.id} exists`) }],
      events.map((event) => outboxOf(event, keys.expert(expert.id))),
    );
  }

  async saveExpert(expert: Expert, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: expertItem(expert), expectedVersion, entity: 'expert' }],
      events.map((event) => outboxOf(event, keys.expert(expert.id))),
    );
  }

  async getExpert(id: string): Promise<Expert | undefined> {
    const key = keyOf(keys.expert, id);
    const item = key && (await this.store.get<Record<string, unknown>>(key));
    return item ? entityOf<Expert>(item) : undefined;
  }

  /** SVC-6: the named experts in one BatchGetItem (a record names a handful), in the order asked. */
  async getExperts(ids: readonly string[]): Promise<Expert[]> {
    const distinct = [...new Set(ids)];
    const expertKeys = distinct.flatMap((id) => keyOf(keys.expert, id) ?? []);
    const found = new Map(
      (await this.store.getMany<Record<string, unknown>>(expertKeys)).map((item) => {
        const expert = entityOf<Expert>(item);
        return [expert.id, expert] as const;
      }),
    );
    return distinct.flatMap((id) => found.get(id) ?? []);
  }

  async listExperts(query: ExpertQuery): Promise<ProviderPage<Expert>> {
    const filters: Filter[] = [];
    if (query.status !== undefined) filters.push(statusIs(query.status));
    if (query.specialty !== undefined) {
      filters.push({
        FilterExpression: 'contains(#specialties, :specialty)',
        ExpressionAttributeNames: { '#specialties': 'specialties' },
        ExpressionAttributeValues: { ':specialty': query.specialty },
      });
    }
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.expertListing(),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: allOf(filters),
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => entityOf<Expert>(item)), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }
}
