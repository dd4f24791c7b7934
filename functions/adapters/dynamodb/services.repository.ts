import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed, DomainEvent } from '../../../domain/kernel/events.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type {
  EnterpriseServiceViews,
  Page,
  PageRequest,
  ServiceRepository,
  TenantServiceQuery,
} from '../../../domain/services/service.repository.js';
import type { PreventionService, ServiceStatus } from '../../../domain/services/service.js';
import type { ServiceNumbering } from '../../../domain/services/service-number.js';
import { keys } from './keys.js';
import { lastSequence, numberCounterWrite } from './number-counter.js';
import { archiveItem, eq, filterOf, hazardItem, serviceItem, servicePageOf, servicesOutbox, toService } from './service-items.js';
import type { Store, Write } from './store.js';

/** Prevention services over the one table: the tenant's (ACL-1) and the enterprise's view across insurers (ACL-5). */
export class DynamoServiceRepository implements ServiceRepository, EnterpriseServiceViews {
  constructor(private readonly store: Store) {}

  async createService(service: PreventionService, events: readonly DomainEvent[], numbering?: ServiceNumbering): Promise<void> {
    // SVC-5 (issue 15): the 服务编号's sequence is taken in the service's own transaction (no gaps, no duplicates).
    const counter: Write[] = numbering
      ? [numberCounterWrite({ key: keys.serviceNumberCounter(service.tenantId, numbering.year), kind: 'SERVICE_NUMBER_COUNTER', what: 'service number', rule: 'SVC-5' }, numbering)]
      : [];
    await this.store.commit(
      [...counter, { kind: 'create', item: serviceItem(service) as never, onExists: () => new Conflict(`service ${service.id} exists`) }],
      servicesOutbox(service.tenantId, events),
    );
  }

  async serviceNumberSequence(tenantId: string, year: number): Promise<number> {
    return lastSequence(this.store, keys.serviceNumberCounter(tenantId, year));
  }

  async getService(tenantId: string, serviceId: string): Promise<PreventionService | undefined> {
    return toService(await this.store.get(keys.service(tenantId, serviceId)));
  }

  async listServices(tenantId: string, query: TenantServiceQuery): Promise<Page<PreventionService>> {
    const filter = (skip: 'policy' | 'none') =>
      filterOf((f) => {
        if (query.status) eq('status', query.status, f);
        if (skip !== 'policy' && query.policyId) eq('policyId', query.policyId, f);
      });
    // The due index answers "what falls due" at the cost of what is due, not of every service.
    if (query.dueBefore) {
      return servicePageOf(
        await this.store.page<Record<string, unknown>>({
          index: 'GSI2',
          partition: keys.servicesDue(tenantId),
          sortKey: { lessThan: query.dueBefore },
          limit: query.limit,
          cursor: query.cursor,
          withTotal: query.withTotal === true && !query.cursor,
          filter: filter('none'),
        }),
      );
    }
    if (query.policyId) {
      return servicePageOf(
        await this.store.page<Record<string, unknown>>({
          index: 'GSI4',
          partition: keys.policyServices(tenantId, query.policyId),
          limit: query.limit,
          cursor: query.cursor,
          withTotal: query.withTotal === true && !query.cursor,
          filter: filter('policy'),
        }),
      );
    }
    return servicePageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI1',
        partition: keys.serviceListing(tenantId),
        limit: query.limit,
        cursor: query.cursor,
        withTotal: query.withTotal === true && !query.cursor,
        newestFirst: true,
        filter: filter('none'),
      }),
    );
  }

  async servicesOfPolicy(tenantId: string, policyId: string): Promise<readonly PreventionService[]> {
    const services: PreventionService[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({
        index: 'GSI4',
        partition: keys.policyServices(tenantId, policyId),
        limit: 500,
        cursor,
      });
      services.push(...page.items.map((item) => toService(item) as PreventionService));
      cursor = page.nextCursor;
    } while (cursor);
    return services;
  }

  async saveService(service: PreventionService, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' }],
      servicesOutbox(service.tenantId, events),
    );
  }

  async completeService(
    service: PreventionService,
    expectedVersion: number,
    hazards: readonly Hazard[],
    notices: readonly ArchiveRecord[],
    events: readonly DomainEvent[],
  ): Promise<void> {
    await this.store.commit(
      [
        { kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' },
        ...hazards.map((hazard): Write => ({
          kind: 'create',
          item: hazardItem(hazard) as never,
          onExists: () => new Conflict(`hazard ${hazard.id} exists`),
        })),
        ...notices.map((record): Write => ({
          kind: 'create',
          item: archiveItem(record) as never,
          onExists: () => new Conflict(`archive ${record.archiveId} exists`),
        })),
      ],
      servicesOutbox(service.tenantId, events, hazards),
    );
  }

  async archiveService(service: PreventionService, expectedVersion: number, record: ArchiveRecord, events: readonly DomainEvent[]): Promise<void> {
    await this.store.commit(
      [
        { kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' },
        { kind: 'create', item: archiveItem(record) as never, onExists: () => new Conflict(`archive ${record.archiveId} exists`) },
      ],
      servicesOutbox(service.tenantId, events),
    );
  }

  /**
   * CAL-2: services with an open SVC-8/SVC-9 deadline (the sparse due index, so COMPLETED, FOLLOWED_UP and
   * CONFIRMED only) whose follow-up or archive date is still provisional.
   */
  async provisionalDue(tenantId: string, limit: number, cursor?: string): Promise<Page<PreventionService>> {
    return servicePageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI2',
        partition: keys.servicesDue(tenantId),
        limit,
        cursor,
        filter: {
          // ARCHIVE is a DynamoDB reserved word: every path segment goes through a name.
          FilterExpression: '#deadlines.#followUp.#provisional = :yes OR #deadlines.#archive.#provisional = :yes',
          ExpressionAttributeNames: { '#deadlines': 'deadlines', '#followUp': 'followUp', '#archive': 'archive', '#provisional': 'provisional' },
          ExpressionAttributeValues: { ':yes': true },
        },
      }),
    );
  }

  /**
   * CAL-2: a service whose deadlines were recomputed with a newly loaded calendar year. The item is written
   * whole, so the due index's sort key follows the new next deadline in the same transaction; the event is the
   * domain's (the shared recompute loop of functions/schedules saves complaints and services alike).
   */
  async saveRecomputed(change: Changed<PreventionService>, expectedVersion: number): Promise<void> {
    await this.saveService(change.state, expectedVersion, change.events);
  }

  // ── ACL-5: the enterprise's view across insurers (GSI3, exact USCC from the token) ─────────────────────────

  async serviceOf(uscc: string, serviceId: string): Promise<PreventionService | undefined> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterpriseServices(uscc),
      sortKey: { equals: serviceId },
      limit: 1,
    });
    return toService(page.items[0]);
  }

  async servicesOf(uscc: string, query: PageRequest & { readonly status?: ServiceStatus }): Promise<Page<PreventionService>> {
    return servicePageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI3',
        partition: keys.enterpriseServices(uscc),
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
