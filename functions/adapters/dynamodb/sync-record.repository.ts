import type { Changed } from '../../../domain/kernel/events.js';
import type {
  DueSyncRecords,
  RegulatorSyncQuery,
  RegulatorSyncViews,
  SyncCounts,
  SyncListQuery,
  SyncPage,
  SyncRecordRepository,
} from '../../../domain/sync/sync-record.repository.js';
import { SYNC_STATES, type SyncRecord } from '../../../domain/sync/sync-record.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { countyShardedPage, NO_COUNTY } from './county-sharded-page.js';
import { keys } from './keys.js';
import { outboxOf, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * A sync record carries its index entries: the insurer's listing (GSI1), the regulators' view (GSI4) and, while
 * it waits to be (re)sent, the sender's due index (GSI2) — dropped once the province answered, so the sweep
 * reads only what is due.
 */
function toItem(record: SyncRecord): Record<string, unknown> {
  const waiting = record.nextAttemptAt !== undefined && (record.state === 'PENDING' || record.state === 'SENT' || record.state === 'RETRYING');
  return {
    ...record,
    ...keys.syncRecord(record.tenantId, record.id),
    // `kind` is the item's storage kind; the record's own kind is kept beside it.
    kind: 'SYNC',
    syncKind: record.kind,
    GSI1PK: keys.syncListing(record.tenantId),
    GSI1SK: record.id,
    GSI4PK: keys.regulatorSync(record.county ?? NO_COUNTY),
    GSI4SK: keys.regulatorSyncSortKey(record.tenantId, record.id),
    ...(waiting ? { GSI2PK: keys.syncDue, GSI2SK: keys.syncDueSortKey(record.nextAttemptAt as string, record.tenantId, record.id) } : {}),
  };
}

const toDomain = (item: Record<string, unknown>): SyncRecord => ({ ...entityOf<SyncRecord>(item, ['syncKind']), kind: item['syncKind'] as SyncRecord['kind'] });

function filterOf(query: { readonly state?: string; readonly kind?: string; readonly tenantId?: string }) {
  const entries = Object.entries({ state: query.state, syncKind: query.kind, tenantId: query.tenantId }).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return undefined;
  return {
    FilterExpression: entries.map(([name]) => `#${name} = :${name}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
  };
}

/** SYNC-1 over the one table; the Store's client decides whose credentials read and write. */
export class DynamoSyncRecordRepository implements SyncRecordRepository, RegulatorSyncViews, DueSyncRecords {
  constructor(private readonly store: Store) {}

  async get(tenantId: string, recordId: string): Promise<SyncRecord | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.syncRecord(tenantId, recordId));
    return item && toDomain(item);
  }

  async save({ state, events }: Changed<SyncRecord>, previous: SyncRecord | undefined): Promise<void> {
    const key = keys.syncRecord(state.tenantId, state.id);
    const write: Write = previous
      ? { kind: 'update', item: toItem(state) as never, expectedVersion: previous.version, entity: 'sync record' }
      : { kind: 'create', item: toItem(state) as never, onExists: () => new Conflict(`sync record ${state.id} exists`) };
    const moved: Record<string, number> = { [state.state]: 1 };
    if (previous && previous.state !== state.state) moved[previous.state] = -1;
    if (previous && previous.state === state.state) moved[state.state] = 0;
    await this.store.commit(
      [write, { kind: 'add', key: keys.syncCounts(state.tenantId), add: moved }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async list(tenantId: string, query: SyncListQuery): Promise<SyncPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.syncListing(tenantId),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: filterOf(query),
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map(toDomain), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async counts(tenantId: string): Promise<SyncCounts> {
    const item = await this.store.get<Record<string, unknown>>(keys.syncCounts(tenantId));
    return Object.fromEntries(SYNC_STATES.map((state) => [state, Number(item?.[state] ?? 0)])) as unknown as SyncCounts;
  }

  /**
   * SYNC-1, ACL-4 (issue 21): one partition per county (organisations, which have none, under `NONE`), read
   * through the regulator session of the caller's scope (county-sharded-page.ts).
   */
  async listForRegulators(query: RegulatorSyncQuery): Promise<SyncPage> {
    const page = await countyShardedPage<Record<string, unknown>>(this.store, {
      view: 'REG#SYNC',
      index: 'GSI4',
      partitionOf: keys.regulatorSync,
      county: query.county,
      extraShards: [NO_COUNTY],
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf(query),
      withTotal: query.withTotal,
    });
    return { items: page.items.map(toDomain), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }


  async due(now: Date, limit: number): Promise<readonly { readonly tenantId: string; readonly recordId: string }[]> {
    // Sort keys start with the ISO instant: everything below "<now>~" is due.
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI2',
      partition: keys.syncDue,
      sortKey: { lessThan: `${now.toISOString()}~` },
      limit,
    });
    return page.items.map((item) => ({ tenantId: String(item['tenantId']), recordId: String(item['id']) }));
  }
}
