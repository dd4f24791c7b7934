import { Conflict } from '../../../domain/kernel/errors.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { hazardDueOn } from '../../../domain/services/hazard.rules.js';
import { nextDeadline } from '../../../domain/services/lifecycle.js';
import type { PreventionService, ServiceStatus } from '../../../domain/services/service.js';
import type { ServicePlan } from '../../../domain/services/service-plan.js';
import type {
  ArchiveRecord,
  EnterpriseServiceViews,
  EvidenceUpload,
  HazardEventType,
  HazardQuery,
  Page,
  PageRequest,
  ServiceEventType,
  ServiceRepository,
  TenantServiceQuery,
} from '../../../domain/services/service.repository.js';
import type { HazardGrade, HazardStatus } from '../../../domain/services/hazard.js';
import { keys } from './keys.js';
import type { OutboxEvent, Store, Write } from './store.js';

const INDEX_ATTRIBUTES = ['PK', 'SK', 'kind', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK'];

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of INDEX_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

/**
 * A service carries its index entries, so one write keeps every view in step: the insurer's listing (GSI1),
 * the sparse due index while an SVC-8/SVC-9 deadline is open (GSI2: absent attributes drop it from the index),
 * the enterprise's view across insurers (GSI3, ACL-5) and the policy's services for the obligations engine (GSI4).
 */
function serviceItem(service: PreventionService): Record<string, unknown> {
  const due = nextDeadline(service);
  // An empty map comes back from the local DynamoDB stream as `{}`, which no unmarshaller reads: the outbox relay
  // would stall on it. The unsigned `confirmations` is left out and restored on reading (toService).
  const { confirmations, ...rest } = service;
  return {
    ...rest,
    ...(Object.keys(confirmations).length > 0 ? { confirmations } : {}),
    ...keys.service(service.tenantId, service.id),
    kind: 'SERVICE',
    GSI1PK: keys.serviceListing(service.tenantId),
    GSI1SK: service.id,
    ...(due ? { GSI2PK: keys.servicesDue(service.tenantId), GSI2SK: `${due.dueOn}#${service.id}` } : {}),
    GSI3PK: keys.enterpriseServices(service.enterprise.uscc),
    GSI3SK: service.id,
    GSI4PK: keys.policyServices(service.tenantId, service.policyId),
    GSI4SK: `${service.scheduledOn}#${service.id}`,
  };
}

/**
 * A hazard: listing (GSI1), due index until verified (GSI2, sparse), the enterprise's view (GSI3) and the
 * regulators' view across insurers (GSI4, every grade and status: SVC-7, ACL-2/ACL-4 — the regulators filter).
 */
function hazardItem(hazard: Hazard): Record<string, unknown> {
  const due = hazardDueOn(hazard);
  return {
    ...hazard,
    ...keys.hazard(hazard.tenantId, hazard.id),
    kind: 'HAZARD',
    GSI1PK: keys.hazardListing(hazard.tenantId),
    GSI1SK: hazard.id,
    ...(due ? { GSI2PK: keys.hazardsDue(hazard.tenantId), GSI2SK: `${due}#${hazard.id}` } : {}),
    GSI3PK: keys.enterpriseHazards(hazard.enterprise.uscc),
    GSI3SK: hazard.id,
    GSI4PK: keys.regulatorHazards,
    GSI4SK: keys.regulatorHazardSortKey(hazard.enterprise.county, hazard.foundOn, hazard.id),
  };
}

function toService(item: Record<string, unknown> | undefined): PreventionService | undefined {
  const service = strip<PreventionService>(item);
  return service && { ...service, confirmations: service.confirmations ?? {} };
}

/** `kind` is the table's item type, so the record's own kind is stored as `recordKind`. */
const archiveItem = (record: ArchiveRecord) => {
  const { kind, ...rest } = record;
  return { ...rest, recordKind: kind, ...keys.archiveRecord(record.tenantId, record.archiveId), kind: 'ARCHIVE' };
};

function toArchiveRecord(item: Record<string, unknown> | undefined): ArchiveRecord | undefined {
  if (!item) return undefined;
  const { recordKind, ...rest } = strip<Record<string, unknown>>(item) as Record<string, unknown>;
  return { ...rest, kind: recordKind } as unknown as ArchiveRecord;
}

function serviceEvent(service: PreventionService, type: string, extra: Record<string, unknown> = {}): OutboxEvent {
  const due = nextDeadline(service);
  return {
    type,
    aggregate: { type: 'service', id: service.id, key: keys.service(service.tenantId, service.id) },
    sequence: service.version,
    tenantId: service.tenantId,
    data: {
      serviceId: service.id,
      policyId: service.policyId,
      enterpriseUscc: service.enterprise.uscc,
      county: service.enterprise.county,
      type: service.type,
      deep: service.deep,
      status: service.status,
      scheduledOn: service.scheduledOn,
      performedOn: service.record?.performedOn,
      nextDueOn: due?.dueOn,
      nextDueKind: due?.kind,
      ...extra,
    },
  };
}

function hazardData(hazard: Hazard): Record<string, unknown> {
  return {
    hazardId: hazard.id,
    serviceId: hazard.serviceId,
    policyId: hazard.policyId,
    uscc: hazard.enterprise.uscc,
    county: hazard.enterprise.county,
    grade: hazard.grade,
    status: hazard.status,
    rectifyBy: hazard.rectifyBy,
    dueOn: hazardDueOn(hazard),
  };
}

function hazardEvent(hazard: Hazard, type: string): OutboxEvent {
  return {
    type,
    aggregate: { type: 'hazard', id: hazard.id, key: keys.hazard(hazard.tenantId, hazard.id) },
    sequence: hazard.version,
    tenantId: hazard.tenantId,
    data: hazardData(hazard),
  };
}

/**
 * SVC-7: the regulators' event for a MAJOR hazard. The hazard's own partition already carries
 * `services.hazard.found` at this version, so this one rides in the partition of the notice's archive record,
 * created in the same transaction — the outbox keeps one event per partition and version.
 */
function majorHazardEvent(hazard: Hazard): OutboxEvent {
  return {
    type: 'services.hazard.major_found',
    aggregate: { type: 'hazard', id: hazard.id, key: keys.archiveRecord(hazard.tenantId, hazard.notice.archiveId) },
    sequence: hazard.version,
    tenantId: hazard.tenantId,
    data: {
      tenantId: hazard.tenantId,
      county: hazard.enterprise.county,
      uscc: hazard.enterprise.uscc,
      enterpriseName: hazard.enterprise.name,
      hazardId: hazard.id,
      serviceId: hazard.serviceId,
      policyId: hazard.policyId,
      description: hazard.description,
      rectifyBy: hazard.rectifyBy,
      addressedTo: hazard.notice.addressedTo,
    },
  };
}

/** `GET /regulator/hazards`: one county (a county EMB's own, ACL-4) or all, by grade and status. */
export interface RegulatorHazardQuery extends PageRequest {
  readonly county?: string;
  readonly grade?: HazardGrade;
  readonly status?: HazardStatus;
}

const eq = (name: string, value: unknown, filters: Filters) => {
  const n = `#f${filters.conditions.length}`;
  const v = `:f${filters.conditions.length}`;
  const path = name.split('.');
  filters.names[n] = path[0] as string;
  filters.values[v] = value;
  filters.conditions.push(`${[n, ...path.slice(1)].join('.')} = ${v}`);
};

interface Filters {
  conditions: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function filterOf(build: (filters: Filters) => void) {
  const filters: Filters = { conditions: [], names: {}, values: {} };
  build(filters);
  return filters.conditions.length === 0
    ? undefined
    : { FilterExpression: filters.conditions.join(' AND '), ExpressionAttributeNames: filters.names, ExpressionAttributeValues: filters.values };
}

const pageOf = <T>(page: { items: Record<string, unknown>[]; nextCursor?: string }): Page<T> => ({
  items: page.items.map((item) => strip<T>(item) as T),
  nextCursor: page.nextCursor,
});

const servicePageOf = (page: { items: Record<string, unknown>[]; nextCursor?: string }): Page<PreventionService> => ({
  items: page.items.map((item) => toService(item) as PreventionService),
  nextCursor: page.nextCursor,
});

/** Plans, services, hazards, evidence uploads and archive records of the services context over the one table. */
export class DynamoServiceRepository implements ServiceRepository, EnterpriseServiceViews {
  constructor(private readonly store: Store) {}

  async getPlan(tenantId: string, policyId: string): Promise<ServicePlan | undefined> {
    return strip<ServicePlan>(await this.store.get(keys.servicePlan(tenantId, policyId)));
  }

  async savePlan(plan: ServicePlan, expectedVersion: number | undefined): Promise<void> {
    const key = keys.servicePlan(plan.tenantId, plan.policyId);
    const item = { ...plan, ...key, kind: 'SERVICE_PLAN' };
    const write: Write =
      expectedVersion === undefined
        ? { kind: 'create', item, onExists: () => new Conflict(`a service plan of policy ${plan.policyId} was saved meanwhile; reload it`) }
        : { kind: 'update', item: item as never, expectedVersion, entity: 'service plan' };
    await this.store.commit(
      [write],
      [
        {
          type: 'services.plan.agreed',
          aggregate: { type: 'service-plan', id: plan.policyId, key },
          sequence: plan.version,
          tenantId: plan.tenantId,
          data: { policyId: plan.policyId, riskGrade: plan.risk.grade, agreedOn: plan.agreedOn, lines: plan.items.length },
        },
      ],
    );
  }

  async createService(service: PreventionService): Promise<void> {
    await this.store.commit(
      [{ kind: 'create', item: serviceItem(service) as never, onExists: () => new Conflict(`service ${service.id} exists`) }],
      [serviceEvent(service, 'services.service.scheduled')],
    );
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

  async saveService(service: PreventionService, expectedVersion: number, event: ServiceEventType): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' }],
      [serviceEvent(service, event)],
    );
  }

  async completeService(
    service: PreventionService,
    expectedVersion: number,
    hazards: readonly Hazard[],
    notices: readonly ArchiveRecord[],
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
      [
        serviceEvent(service, 'services.service.completed', { hazardIds: service.hazardIds }),
        ...hazards.map((hazard) => hazardEvent(hazard, 'services.hazard.found')),
        ...hazards.filter((hazard) => hazard.grade === 'MAJOR').map(majorHazardEvent),
      ],
    );
  }

  async archiveService(service: PreventionService, expectedVersion: number, record: ArchiveRecord): Promise<void> {
    await this.store.commit(
      [
        { kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' },
        { kind: 'create', item: archiveItem(record) as never, onExists: () => new Conflict(`archive ${record.archiveId} exists`) },
      ],
      [serviceEvent(service, 'services.service.archived', { archiveId: record.archiveId, sha256: record.sha256, archiveKey: record.key })],
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
   * whole, so the due index's sort key follows the new next deadline in the same transaction.
   */
  async saveRecomputed(service: PreventionService, expectedVersion: number): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: serviceItem(service) as never, expectedVersion, entity: 'service' }],
      [serviceEvent(service, 'services.service.deadlines_recomputed', { deadlines: service.deadlines })],
    );
  }

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

  /**
   * SVC-7, ACL-2/ACL-4: hazards across insurers for the regulators (GSI4), read with the context's own role —
   * the index holds only what regulators may read, and the route gives no write. Newest first inside a county;
   * with no county, county by county.
   */
  async listForRegulators(query: RegulatorHazardQuery): Promise<Page<Hazard>> {
    const prefix = query.county ? `${query.county}#` : undefined;
    // A cursor from another county (or forged) is refused by the store as one this listing did not issue (400).
    return pageOf(
      await this.store.page<Record<string, unknown>>({
        index: 'GSI4',
        partition: keys.regulatorHazards,
        sortKey: prefix ? { beginsWith: prefix } : undefined,
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        filter: filterOf((f) => {
          if (query.grade) eq('grade', query.grade, f);
          if (query.status) eq('status', query.status, f);
        }),
      }),
    );
  }

  async saveHazard(hazard: Hazard, expectedVersion: number, event: HazardEventType): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: hazardItem(hazard) as never, expectedVersion, entity: 'hazard' }],
      [hazardEvent(hazard, event)],
    );
  }

  async createUpload(upload: EvidenceUpload): Promise<void> {
    await this.store.commit(
      [
        {
          kind: 'create',
          item: { ...upload, ...keys.upload(upload.tenantId, upload.id), kind: 'UPLOAD' },
          onExists: () => new Conflict(`upload ${upload.id} exists`),
        },
      ],
      [],
    );
  }

  async getUploads(tenantId: string, uploadIds: readonly string[]): Promise<readonly EvidenceUpload[]> {
    if (uploadIds.length === 0) return [];
    const items = await this.store.getMany<Record<string, unknown>>([...new Set(uploadIds)].map((id) => keys.upload(tenantId, id)));
    return items.map((item) => strip<EvidenceUpload>(item) as EvidenceUpload);
  }

  async getArchiveRecord(tenantId: string, archiveId: string): Promise<ArchiveRecord | undefined> {
    return toArchiveRecord(await this.store.get(keys.archiveRecord(tenantId, archiveId)));
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
        newestFirst: true,
        filter: filterOf((f) => {
          if (query.status) eq('status', query.status, f);
        }),
      }),
    );
  }

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
        newestFirst: true,
        filter: filterOf((f) => {
          if (query.status) eq('status', query.status, f);
        }),
      }),
    );
  }
}
