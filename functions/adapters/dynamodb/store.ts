import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound, StaleVersion, type DomainError } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { decodeCursor, encodeCursor, type PageKey, type SortKeyCondition } from './cursor.js';
import { keys, type ItemKey } from './keys.js';

/** Stored shape of every versioned entity: its key, its optimistic-lock version, its audit times. */
export interface VersionedItem extends ItemKey {
  readonly version: number;
  readonly [attribute: string]: unknown;
}

/**
 * One write inside a change. `create` fails if the key exists; `update` fails unless the stored version is
 * `expectedVersion` (optimistic locking → 412). The item's own `version` must already be the new one.
 */
export type Write =
  | { readonly kind: 'create'; readonly item: VersionedItem | (ItemKey & Record<string, unknown>); readonly onExists: () => DomainError }
  | { readonly kind: 'update'; readonly item: VersionedItem; readonly expectedVersion: number; readonly entity: string }
  /** Sets a few attributes of an existing item without a version check (counters, mirrored fields). */
  | { readonly kind: 'patch'; readonly key: ItemKey; readonly set: Readonly<Record<string, unknown>>; readonly entity: string }
  /**
   * Adds to number attributes (`ADD`, so a delta, never a read-modify-write) and sets others, creating the item
   * if missing: counters kept in step with the entities they count, in the same transaction.
   */
  | {
      readonly kind: 'add';
      readonly key: ItemKey;
      readonly add: Readonly<Record<string, number>>;
      readonly set?: Readonly<Record<string, unknown>>;
    };

/**
 * A domain event on its way into the outbox: written in the same transaction as the state change it reports,
 * in its aggregate's partition (`aggregate.key`), because a DynamoDB stream is ordered per partition key.
 */
export interface OutboxEvent {
  /** Past-tense `context.entity.verb`, e.g. `platform.tenant.onboarded`. */
  readonly type: string;
  /** The payload's schema version (domain/kernel/events.ts); 1 unless the event's declaration says otherwise. */
  readonly version?: number;
  readonly aggregate: { readonly type: string; readonly id: string; readonly key: ItemKey };
  /** The aggregate's version after the change: events of one aggregate are ordered by it. */
  readonly sequence: number;
  readonly tenantId?: string;
  readonly data: unknown;
}

/** A domain event placed in the partition of the aggregate item whose key is `key`. */
export const outboxOf = (event: DomainEvent, key: ItemKey): OutboxEvent => ({
  ...event,
  aggregate: { ...event.aggregate, key },
});

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
  /** The number of items matching the query (key condition and filter) across all pages, when asked for. */
  readonly total?: number;
}

/** BatchGetItem's limit of keys per call. */
const BATCH_GET_MAX_KEYS = 100;
/** BatchWriteItem's limit of items per call. */
const BATCH_WRITE_MAX_ITEMS = 25;
/** Attempts at the keys DynamoDB leaves unprocessed (throttling) before giving up, with exponential backoff. */
const BATCH_MAX_ATTEMPTS = 8;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter (25 ms · 2^attempt, at most 1 s): retries of many callers spread out. */
export const backoff = (attempt: number): Promise<void> => pause(Math.random() * Math.min(1000, 25 * 2 ** attempt));

/** How long delivered-or-not outbox items stay in the table: the relay reads them from the stream at once. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The table's unit of work. Every state change is one `TransactWriteItems` holding the entities, their
 * guards and an outbox item per event (ARCHITECTURE.md §2), so a change and its event are never split.
 * Every read of one item is one consistent `GetItem`; every listing one `Query`.
 */
export class Store {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: ItemKey): Promise<T | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return out.Item as T | undefined;
  }

  /**
   * Many items by key, each read consistently: BatchGetItem calls of at most 100 keys, retrying the keys
   * DynamoDB leaves unprocessed. Missing items are simply absent from the answer, which is in no set order.
   */
  async getMany<T>(itemKeys: readonly ItemKey[]): Promise<T[]> {
    const found: T[] = [];
    for (let start = 0; start < itemKeys.length; start += BATCH_GET_MAX_KEYS) {
      let pending: ItemKey[] = itemKeys.slice(start, start + BATCH_GET_MAX_KEYS);
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt >= BATCH_MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
        if (attempt > 0) await backoff(attempt);
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...((out.Responses?.[this.tableName] ?? []) as T[]));
        pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as ItemKey[];
      }
    }
    return found;
  }

  /**
   * Puts many new items without a transaction, a condition or an event: for bulk loads only (a ledger migrated
   * from another system, benchmark data), never for a state change the API makes. BatchWriteItem calls of 25
   * items, `parallel` at a time, retrying the items DynamoDB leaves unprocessed.
   */
  async putMany(items: readonly (ItemKey & Record<string, unknown>)[], parallel = 4): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        let pending = items.slice(next, next + BATCH_WRITE_MAX_ITEMS).map((item) => ({ PutRequest: { Item: item } }));
        next += BATCH_WRITE_MAX_ITEMS;
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt >= BATCH_MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${attempt} attempts`);
          if (attempt > 0) await backoff(attempt);
          const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
          pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  }

  /**
   * One page of a partition (of the table or of a GSI). The cursor is opaque (encrypted and authenticated,
   * see cursor.ts) and checked to belong to that partition.
   */
  async page<T>(query: {
    readonly index?: 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4';
    readonly partition: string;
    readonly limit: number;
    readonly cursor?: string;
    readonly newestFirst?: boolean;
    /** A condition on the sort key: a prefix, an upper bound (exclusive) or one value. */
    readonly sortKey?: SortKeyCondition;
    readonly filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
    /** A strongly consistent read of the table (indexes cannot give one): for reads that must see every write. */
    readonly consistent?: boolean;
    /**
     * Issues 14/15: also count every item matching the query (see {@link Store.count}) — asked on a list's first
     * page only (no cursor), so paging through a list (an export) does not count it again on every page.
     */
    readonly withTotal?: boolean;
    /**
     * With a filter (a name search), evaluate up to this many items in the one Query instead of `limit`, and
     * keep the first `limit` that match: the page's cursor then follows its last row, not the last item read.
     * Sparse matches fill a page in one call instead of many, at a read cost bounded by this number.
     */
    readonly evaluate?: number;
  }): Promise<Page<T>> {
    const { pkName, skName, sk, keyQuery } = keyQueryOf(query);
    const partition = { name: pkName, value: query.partition };
    const startKey: PageKey | undefined = decodeCursor(
      query.cursor,
      partition,
      sk ? { name: skName, condition: sk } : undefined,
    );
    const counted = query.withTotal && startKey === undefined ? this.count(query) : undefined;
    // Awaited after the page, if at all: should the page's own Query fail first (DynamoDB down), the count's
    // failure must not be an unhandled rejection — that ends the local process (seen in the outage test).
    counted?.catch(() => undefined);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...keyQuery,
        Limit: query.filter && query.evaluate ? Math.max(query.limit, query.evaluate) : query.limit,
        ExclusiveStartKey: startKey,
        ScanIndexForward: !query.newestFirst,
      }),
    );
    let items = (out.Items ?? []) as T[];
    let lastKey = out.LastEvaluatedKey as PageKey | undefined;
    if (items.length > query.limit) {
      items = items.slice(0, query.limit);
      // The key of the page's last row, as DynamoDB would have named it: the table's key and the index's.
      const last = items[items.length - 1] as Record<string, unknown>;
      const keyNames = query.index ? ['PK', 'SK', pkName, skName] : ['PK', 'SK'];
      lastKey = Object.fromEntries(keyNames.map((name) => [name, String(last[name])]));
    }
    const nextCursor = encodeCursor(lastKey, partition);
    // The one page is the whole list: its length is the total without a second pass.
    if (counted === undefined || nextCursor === undefined) {
      return { items, nextCursor, ...(query.withTotal && startKey === undefined ? { total: items.length } : {}) };
    }
    return { items, nextCursor, total: await counted };
  }

  /**
   * Issues 14/15: how many items a listing's query matches — a `Select: 'COUNT'` Query with the same key
   * condition and filter, followed to its end (DynamoDB counts at most 1 MB of items per call). It reads what a
   * full pass over the matching key range reads (read capacity, not items sent back), so lists call it on their
   * first page only.
   */
  async count(query: {
    readonly index?: 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4';
    readonly partition: string;
    readonly sortKey?: SortKeyCondition;
    readonly filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
    readonly consistent?: boolean;
  }): Promise<number> {
    const { keyQuery } = keyQueryOf(query);
    let total = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          Select: 'COUNT',
          ...keyQuery,
          ExclusiveStartKey: startKey,
        }),
      );
      total += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey !== undefined);
    return total;
  }

  /** Writes the change and its events atomically; maps a failed guard to the domain error it stands for. */
  async commit(writes: readonly Write[], events: readonly OutboxEvent[]): Promise<void> {
    const now = this.clock.now();
    const outbox = events.map((event) => this.outboxItem(event, now));
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...writes.map((write) => this.transactItem(write)),
            ...outbox.map((item) => ({
              Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
            })),
          ],
        }),
      );
    } catch (error) {
      throw this.explain(error, writes);
    }
  }

  private transactItem(write: Write) {
    switch (write.kind) {
      case 'create':
        return { Put: { TableName: this.tableName, Item: write.item, ConditionExpression: 'attribute_not_exists(PK)' } };
      case 'update':
        return {
          Put: {
            TableName: this.tableName,
            Item: write.item,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': write.expectedVersion },
          },
        };
      case 'patch': {
        const names = Object.keys(write.set);
        return {
          Update: {
            TableName: this.tableName,
            Key: write.key,
            UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
            ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, write.set[name]])),
          },
        };
      }
      case 'add': {
        const added = Object.keys(write.add);
        const set = Object.keys(write.set ?? {});
        return {
          Update: {
            TableName: this.tableName,
            Key: write.key,
            UpdateExpression: [
              `ADD ${added.map((_, i) => `#n${i} :n${i}`).join(', ')}`,
              ...(set.length > 0 ? [`SET ${set.map((_, i) => `#s${i} = :s${i}`).join(', ')}`] : []),
            ].join(' '),
            ExpressionAttributeNames: Object.fromEntries([
              ...added.map((name, i) => [`#n${i}`, name]),
              ...set.map((name, i) => [`#s${i}`, name]),
            ]),
            ExpressionAttributeValues: Object.fromEntries([
              ...added.map((name, i) => [`:n${i}`, write.add[name]]),
              ...set.map((name, i) => [`:s${i}`, write.set?.[name]]),
            ]),
          },
        };
      }
    }
  }

  private outboxItem(event: OutboxEvent, now: Date): Record<string, unknown> {
    return {
      ...keys.outbox(event.aggregate.key, event.sequence),
      kind: 'OUTBOX',
      eventId: newId(now),
      type: event.type,
      version: event.version ?? 1,
      occurredAt: now.toISOString(),
      tenantId: event.tenantId,
      aggregateType: event.aggregate.type,
      aggregateId: event.aggregate.id,
      sequence: event.sequence,
      data: event.data,
      expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_SECONDS,
    };
  }

  private explain(error: unknown, writes: readonly Write[]): unknown {
    if (!(error instanceof TransactionCanceledException)) return error;
    const reasons = error.CancellationReasons ?? [];
    for (const [index, reason] of reasons.entries()) {
      if (reason.Code !== 'ConditionalCheckFailed') continue;
      const write = writes[index];
      if (!write) return new Conflict('event already recorded for this version');
      if (write.kind === 'create') return write.onExists();
      if (write.kind === 'patch') return new NotFound(write.entity);
      if (write.kind === 'add') return error; // unconditional: cannot fail its (absent) condition
      return new StaleVersion(write.entity);
    }
    // TransactionConflict: another transaction held one of these items — the caller retried already (SDK).
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
      return new Conflict('a concurrent change touched the same items; retry');
    }
    return error;
  }
}

/**
 * The key condition, filter and consistency of a Query over the table or one of its indexes — one builder, so a
 * list's page and its count (issues 14/15) always read the same key range with the same filter.
 */
function keyQueryOf(query: {
  readonly index?: 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4';
  readonly partition: string;
  readonly sortKey?: SortKeyCondition;
  readonly filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
  readonly consistent?: boolean;
}) {
  const pkName = query.index ? `${query.index}PK` : 'PK';
  const skName = query.index ? `${query.index}SK` : 'SK';
  const sk = query.sortKey;
  const skCondition = !sk ? '' : 'beginsWith' in sk ? ' AND begins_with(#sk, :sk)' : 'lessThan' in sk ? ' AND #sk < :sk' : ' AND #sk = :sk';
  const skValue = !sk ? undefined : 'beginsWith' in sk ? sk.beginsWith : 'lessThan' in sk ? sk.lessThan : sk.equals;
  const keyQuery = {
    IndexName: query.index,
    KeyConditionExpression: `#pk = :pk${skCondition}`,
    ...query.filter,
    ExpressionAttributeNames: { '#pk': pkName, ...(sk ? { '#sk': skName } : {}), ...query.filter?.ExpressionAttributeNames },
    ExpressionAttributeValues: { ':pk': query.partition, ...(sk ? { ':sk': skValue } : {}), ...query.filter?.ExpressionAttributeValues },
    ...(query.consistent && !query.index ? { ConsistentRead: true } : {}),
  };
  return { pkName, skName, sk, keyQuery };
}
