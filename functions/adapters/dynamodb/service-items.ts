import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import { hazardDueOn, type Hazard } from '../../../domain/services/hazard.js';
import { nextDeadline } from '../../../domain/services/deadlines.js';
import { hazardMajorFound } from '../../../domain/services/events.js';
import type { Page } from '../../../domain/services/service.repository.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { keys } from './keys.js';
import { outboxOf, type OutboxEvent } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * How the services context's aggregates sit in the one table: each item carries its index entries, so one
 * write keeps every view in step. Shared by the services, hazards, plans and archive-record adapters.
 */

/** The stored item without its key and index attributes. */
export function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  return item && entityOf<T>(item);
}

/**
 * A service: the insurer's listing (GSI1), the sparse due index while an SVC-8/SVC-9 deadline is open (GSI2:
 * absent attributes drop it from the index), the enterprise's view across insurers (GSI3, ACL-5) and the
 * policy's services for the obligations engine (GSI4).
 */
export function serviceItem(service: PreventionService): Record<string, unknown> {
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

export function toService(item: Record<string, unknown> | undefined): PreventionService | undefined {
  const service = strip<PreventionService>(item);
  return service && { ...service, confirmations: service.confirmations ?? {} };
}

/**
 * A hazard: listing (GSI1), due index until verified (GSI2, sparse), the enterprise's view (GSI3) and the
 * regulators' view across insurers (GSI4, every grade and status: SVC-7, ACL-2/ACL-4 — the regulators filter).
 */
export function hazardItem(hazard: Hazard): Record<string, unknown> {
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
    GSI4PK: keys.regulatorHazards(hazard.enterprise.county),
    GSI4SK: keys.regulatorHazardSortKey(hazard.enterprise.county, hazard.foundOn, hazard.id),
  };
}

/**
 * `kind` is the table's item type, so the record's own kind is stored as `recordKind`. The record carries its
 * policy's archive index entry (GSI1, SVC-10): the enterprise's folder reads a policy's documents in one Query.
 */
export function archiveItem(record: ArchiveRecord): Record<string, unknown> {
  const { kind, ...rest } = record;
  return {
    ...rest,
    recordKind: kind,
    ...keys.archiveRecord(record.tenantId, record.archiveId),
    kind: 'ARCHIVE',
    // A record about no policy (none today) stays out of the index rather than failing its key.
    ...(/^[A-Za-z0-9_.-]{1,64}$/.test(record.policyId) ? { GSI1PK: keys.policyArchive(record.tenantId, record.policyId), GSI1SK: record.archiveId } : {}),
  };
}

export function toArchiveRecord(item: Record<string, unknown> | undefined): ArchiveRecord | undefined {
  if (!item) return undefined;
  const { recordKind, ...rest } = strip<Record<string, unknown>>(item) as Record<string, unknown>;
  return { ...rest, kind: recordKind } as unknown as ArchiveRecord;
}

interface Filters {
  conditions: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** One `name = value` condition of a filter; `name` may be a dotted path. */
export const eq = (name: string, value: unknown, filters: Filters) => {
  const n = `#f${filters.conditions.length}`;
  const v = `:f${filters.conditions.length}`;
  const path = name.split('.');
  filters.names[n] = path[0] as string;
  filters.values[v] = value;
  filters.conditions.push(`${[n, ...path.slice(1)].join('.')} = ${v}`);
};

/** The filter expression of the conditions `build` adds, or none. */
export function filterOf(build: (filters: Filters) => void) {
  const filters: Filters = { conditions: [], names: {}, values: {} };
  build(filters);
  return filters.conditions.length === 0
    ? undefined
    : { FilterExpression: filters.conditions.join(' AND '), ExpressionAttributeNames: filters.names, ExpressionAttributeValues: filters.values };
}

type StoredPage = { items: Record<string, unknown>[]; nextCursor?: string; total?: number };

export const pageOf = <T>(page: StoredPage): Page<T> => ({
  items: page.items.map((item) => strip<T>(item) as T),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

export const servicePageOf = (page: StoredPage): Page<PreventionService> => ({
  items: page.items.map((item) => toService(item) as PreventionService),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

/**
 * The outbox items of one change of the services context, each in its aggregate's partition (service or
 * hazard). A MAJOR hazard's `major_found` is raised at the same version as its `found`, so it rides in the
 * partition of the hazard's notice, created in the same transaction: the outbox keeps one event per partition
 * and version.
 */
export function servicesOutbox(tenantId: string, events: readonly DomainEvent[], hazards: readonly Hazard[] = []): OutboxEvent[] {
  const noticeOf = new Map(hazards.map((hazard) => [hazard.id, hazard.notice.archiveId]));
  return events.map((event) => {
    const notice = noticeOf.get(event.aggregate.id);
    if (event.type === hazardMajorFound.name && notice !== undefined) return outboxOf(event, keys.archiveRecord(tenantId, notice));
    return outboxOf(event, event.aggregate.type === 'hazard' ? keys.hazard(tenantId, event.aggregate.id) : keys.service(tenantId, event.aggregate.id));
  });
}
