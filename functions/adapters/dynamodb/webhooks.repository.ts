import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import type {
  DeliveryFilter,
  PageOf,
  WebhookDeliveries,
  WebhookRouteDirectory,
  WebhookSubscriptions,
} from '../../../domain/webhooks/ports.js';
import { routeOf, type WebhookOwner, type WebhookRoute, type WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { assertKeyPart, ownerPrefix, type ItemKey } from './keys.js';
import { outboxOf, type Store } from './store.js';

/**
 * Issue 17: where webhook subscriptions and messages live. In their owner's partitions — an insurer's under
 * `T#<tenantId>#WEBHOOK…` (ARCHITECTURE.md §2: what an insurer reaches starts with its tenant), a regulator
 * agency's under `R#<regulatorId>#WEBHOOK…` — plus two platform listings the dispatcher reads: the routing
 * directory `P#WEBHOOK-ROUTES` (one item per subscription, no secret or URL, written in the same transaction as
 * the subscription) and the due index on GSI2 (`P#WEBHOOK-DUE`, by the time the next attempt is due).
 */
const ROUTES_PARTITION = 'P#WEBHOOK-ROUTES';
const DUE_PARTITION = 'P#WEBHOOK-DUE';

/** The regulator id of an agency (domain/platform/events.ts: emb-city, nfra, emb-county-<county>). */
export const regulatorIdOf = (owner: Extract<WebhookOwner, { kind: 'regulator' }>): string =>
  owner.agency === 'EMB_CITY' ? 'emb-city' : owner.agency === 'NFRA' ? 'nfra' : `emb-county-${owner.county ?? 'none'}`;

export const ownerKey = (owner: WebhookOwner): string =>
  owner.kind === 'tenant'
    ? ownerPrefix({ kind: 'tenant', tenantId: owner.tenantId })
    : ownerPrefix({ kind: 'regulator', regulatorId: regulatorIdOf(owner) });

const SAFE = /^[A-Za-z0-9_.-]{1,64}$/;

export const webhookKeys = {
  subscription: (owner: WebhookOwner, id: string): ItemKey => ({ PK: `${ownerKey(owner)}#WEBHOOK#${assertKeyPart(id, 'subscription id')}`, SK: 'PROFILE' }),
  subscriptionListing: (owner: WebhookOwner): string => `${ownerKey(owner)}#WEBHOOK`,
  route: (id: string): ItemKey => ({ PK: ROUTES_PARTITION, SK: assertKeyPart(id, 'subscription id') }),
  messages: (owner: WebhookOwner, subscriptionId: string): string => `${ownerKey(owner)}#WEBHOOK-MSG#${assertKeyPart(subscriptionId, 'subscription id')}`,
  messageListing: (owner: WebhookOwner): string => `${ownerKey(owner)}#WEBHOOK-MSG`,
};

const subscriptionOfDelivery = (id: string): string | undefined => (SAFE.test(id) && id.includes('_') ? id.split('_')[0] : undefined);

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, kind: _k, ...rest } = item;
  return rest as T;
};

interface PendingSave {
  item: Record<string, unknown>;
  readonly settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** BatchWriteItem's most items per call. */
const BATCH_MAX = 25;
/** TransactWriteItems' most items per call (messages are ≤ 20 KB, so 100 stay under its 4 MB). */
const CREATE_MAX = 100;
/** At most this many BatchWriteItem calls of attempt logs at once (group commit: the rest wait and batch up). */
const SAVES_IN_FLIGHT = 4;

interface PendingCreate {
  readonly item: Record<string, unknown>;
  readonly settle: ((made: boolean) => void)[];
  readonly fail: ((error: unknown) => void)[];
}

export class DynamoWebhookRepository implements WebhookSubscriptions, WebhookRouteDirectory, WebhookDeliveries {
  /** Saves waiting for the next batch, by key (a second save of one message replaces the first's item). */
  private pending = new Map<string, PendingSave>();
  private flushScheduled = false;
  /** BatchWriteItem calls under way; while the most are, saves gather into the next, fuller batch. */
  private savesInFlight = 0;
  private creates = new Map<string, PendingCreate>();
  private createsScheduled = false;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly store: Store,
  ) {}

  private subscriptionItem(subscription: WebhookSubscription) {
    return {
      ...webhookKeys.subscription(subscription.owner, subscription.id),
      kind: 'WEBHOOK_SUBSCRIPTION',
      GSI1PK: webhookKeys.subscriptionListing(subscription.owner),
      GSI1SK: subscription.id,
      ...subscription,
    };
  }

  private routeItem(route: WebhookRoute) {
    return { ...webhookKeys.route(route.id), kind: 'WEBHOOK_ROUTE', ...route };
  }

  async create(subscription: WebhookSubscription): Promise<void> {
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: this.subscriptionItem(subscription), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: this.table, Item: this.routeItem(routeOf(subscription)) } },
        ],
      }),
    );
  }

  async get(owner: WebhookOwner, id: string): Promise<WebhookSubscription | undefined> {
    if (!SAFE.test(id)) return undefined;
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: webhookKeys.subscription(owner, id), ConsistentRead: true }));
    return strip<WebhookSubscription>(out.Item);
  }

  async list(owner: WebhookOwner, limit: number, cursor?: string, withTotal?: boolean): Promise<PageOf<WebhookSubscription>> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: webhookKeys.subscriptionListing(owner),
      limit,
      ...(cursor ? { cursor } : {}),
      newestFirst: true,
      withTotal: withTotal === true && !cursor,
    });
    return {
      items: page.items.map((item) => strip<WebhookSubscription>(item) as WebhookSubscription),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      ...(page.total === undefined ? {} : { total: page.total }),
    };
  }

  async update(subscription: WebhookSubscription, expectedVersion: number, events: readonly DomainEvent[] = []): Promise<void> {
    const key = webhookKeys.subscription(subscription.owner, subscription.id);
    const route = routeOf(subscription);
    // The routing directory follows the subscription in the same transaction.
    await this.store.commit(
      [
        { kind: 'update', item: this.subscriptionItem(subscription), expectedVersion, entity: 'webhook subscription' },
        { kind: 'patch', key: webhookKeys.route(subscription.id), set: { eventTypes: route.eventTypes, enabled: route.enabled, fullPayload: route.fullPayload ?? false }, entity: 'webhook route' },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async remove(subscription: WebhookSubscription): Promise<void> {
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: this.table,
              Key: webhookKeys.subscription(subscription.owner, subscription.id),
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': subscription.version },
            },
          },
          { Delete: { TableName: this.table, Key: webhookKeys.route(subscription.id) } },
        ],
      }),
    );
  }

  async routes(): Promise<readonly WebhookRoute[]> {
    const routes: WebhookRoute[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': ROUTES_PARTITION },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) routes.push(strip<WebhookRoute>(item) as WebhookRoute);
      start = out.LastEvaluatedKey;
    } while (start);
    return routes;
  }

  private deliveryItem(delivery: WebhookDelivery) {
    const due = delivery.nextAttemptAt !== undefined && (delivery.status === 'PENDING' || delivery.status === 'RETRYING');
    return {
      PK: webhookKeys.messages(delivery.owner, delivery.subscriptionId),
      SK: delivery.id,
      kind: 'WEBHOOK_MESSAGE',
      GSI1PK: webhookKeys.messageListing(delivery.owner),
      GSI1SK: `${delivery.createdAt}#${delivery.id}`,
      ...(due ? { GSI2PK: DUE_PARTITION, GSI2SK: `${delivery.nextAttemptAt}#${delivery.id}` } : {}),
      // Kept 30 days (TTL), long enough to replay or inspect a dead letter.
      expiresAt: Math.floor(Date.parse(delivery.createdAt) / 1000) + 30 * 24 * 3600,
      ...delivery,
    };
  }

  /**
   * Issue 17 (throughput): the messages made in the same turn of the event loop (the fan-out of many events) are
   * created together, each with its own `attribute_not_exists` condition, in one TransactWriteItems of up to 100.
   * A message that exists already (the bus repeated its event) cancels the transaction with ConditionalCheckFailed
   * at its place: it answers false and the others are written again without it. Each caller's promise resolves
   * only once its message is stored, so nothing is queued before it is.
   */
  createIfAbsent(delivery: WebhookDelivery): Promise<boolean> {
    const item = this.deliveryItem(delivery);
    const key = `${item.PK}\u0000${item.SK}`;
    return new Promise<boolean>((resolve, reject) => {
      const known = this.creates.get(key);
      if (known) {
        // The same message twice in one batch: the first is the one made.
        known.settle.push(() => resolve(false));
        known.fail.push(reject);
        return;
      }
      this.creates.set(key, { item, settle: [resolve], fail: [reject] });
      if (this.creates.size >= CREATE_MAX) this.flushCreates();
      else if (!this.createsScheduled) {
        this.createsScheduled = true;
        setImmediate(() => {
          this.createsScheduled = false;
          this.flushCreates();
        });
      }
    });
  }

  private flushCreates(): void {
    while (this.creates.size > 0) {
      const batch = [...this.creates.values()].slice(0, CREATE_MAX);
      for (const key of [...this.creates.keys()].slice(0, CREATE_MAX)) this.creates.delete(key);
      this.createBatch(batch).catch((error: unknown) => batch.forEach((create) => create.fail.forEach((reject) => reject(error))));
    }
  }

  private async createBatch(batch: readonly PendingCreate[]): Promise<void> {
    let left = [...batch];
    for (let round = 0; left.length > 0; round += 1) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 10 * 2 ** round)));
      if (round > 10) throw new Error(`webhook messages not made after ${round} rounds`);
      if (left.length === 1) {
        // One message alone: a conditional PutItem (half a transaction's write cost on AWS).
        const only = left[0] as PendingCreate;
        const made = await this.putIfAbsent(only.item);
        only.settle.forEach((settle) => settle(made));
        return;
      }
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: left.map((create) => ({ Put: { TableName: this.table, Item: create.item, ConditionExpression: 'attribute_not_exists(PK)' } })),
          }),
        );
        left.forEach((create) => create.settle.forEach((settle) => settle(true)));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException || (error as Error).name === 'TransactionCanceledException')) throw error;
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const retry: PendingCreate[] = [];
        left.forEach((create, index) => {
          if (reasons[index]?.Code === 'ConditionalCheckFailed') create.settle.forEach((settle) => settle(false));
          else retry.push(create);
        });
        // Cancelled for a conflict only (no existing message): back off and try the same again.
        left = retry;
        if (retry.length < batch.length) round = -1;
      }
    }
  }

  private async putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async getDelivery(owner: WebhookOwner, id: string): Promise<WebhookDelivery | undefined> {
    const subscriptionId = subscriptionOfDelivery(id);
    if (!subscriptionId) return undefined;
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: webhookKeys.messages(owner, subscriptionId), SK: id }, ConsistentRead: true }),
    );
    return strip<WebhookDelivery>(out.Item);
  }

  /**
   * Issue 17 (throughput): an attempt's log entry is written in a BatchWriteItem with the other attempts that end
   * in the same turn of the event loop (up to 25), instead of a PutItem each. The promise still resolves only once
   * its item is written, so the dispatcher schedules a retry or reports success after the attempt is logged.
   */
  save(delivery: WebhookDelivery): Promise<void> {
    const item = this.deliveryItem(delivery);
    const key = `${item.PK}\u0000${item.SK}`;
    return new Promise<void>((resolve, reject) => {
      const known = this.pending.get(key);
      if (known) {
        known.item = item;
        known.settle.push({ resolve, reject });
      } else {
        this.pending.set(key, { item, settle: [{ resolve, reject }] });
      }
      if (this.pending.size >= BATCH_MAX) this.flush();
      else if (!this.flushScheduled && this.savesInFlight < SAVES_IN_FLIGHT) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.pending.size > 0 && this.savesInFlight < SAVES_IN_FLIGHT) {
      const batch = [...this.pending.values()].slice(0, BATCH_MAX);
      const taken = [...this.pending.keys()].slice(0, BATCH_MAX);
      for (const key of taken) this.pending.delete(key);
      this.savesInFlight += 1;
      this.writeBatch(batch.map((save) => save.item))
        .then(
          () => batch.forEach((save) => save.settle.forEach(({ resolve }) => resolve())),
          (error: unknown) => batch.forEach((save) => save.settle.forEach(({ reject }) => reject(error))),
        )
        .finally(() => {
          this.savesInFlight -= 1;
          this.flush();
        });
    }
  }

  /** One batch, with DynamoDB's unprocessed items written again (backing off) until none is left. */
  private async writeBatch(items: readonly Record<string, unknown>[]): Promise<void> {
    let requests: { PutRequest: { Item: Record<string, unknown> } }[] = items.map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; requests.length > 0; round += 1) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** round)));
      if (round > 8) throw new Error(`webhook messages not written after ${round} rounds of unprocessed items`);
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
      requests = (out.UnprocessedItems?.[this.table] ?? []) as typeof requests;
    }
  }

  async listDeliveries(owner: WebhookOwner, filter: DeliveryFilter): Promise<PageOf<WebhookDelivery>> {
    const statusFilter = filter.status
      ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': filter.status } }
      : undefined;
    // Issue 15: the total is counted on the list's first page only (the same key range and status filter).
    const withTotal = filter.withTotal === true && !filter.cursor;
    const query = (cursor: string | undefined, limit: number, counted: boolean) =>
      this.store.page<Record<string, unknown>>(
        filter.subscriptionId
          ? {
              partition: webhookKeys.messages(owner, filter.subscriptionId),
              limit,
              newestFirst: true,
              ...(cursor ? { cursor } : {}),
              ...(statusFilter ? { filter: statusFilter } : {}),
              withTotal: counted,
            }
          : {
              index: 'GSI1',
              partition: webhookKeys.messageListing(owner),
              limit,
              newestFirst: true,
              ...(cursor ? { cursor } : {}),
              ...(statusFilter ? { filter: statusFilter } : {}),
              withTotal: counted,
            },
      );
    // A status filter is applied after DynamoDB's limit: read on (a few pages at most) until the page is full. Each
    // read evaluates at most the rows still missing, so no match is read past the cursor and lost between pages.
    const items: WebhookDelivery[] = [];
    let cursor = filter.cursor;
    let total: number | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await query(cursor, filter.limit - items.length, withTotal && pages === 0);
      if (pages === 0) total = page.total;
      items.push(...page.items.map((item) => strip<WebhookDelivery>(item) as WebhookDelivery));
      cursor = page.nextCursor;
      if (!cursor || items.length >= filter.limit || !statusFilter) break;
    }
    return { items, ...(cursor ? { nextCursor: cursor } : {}), ...(total === undefined ? {} : { total }) };
  }

  async since(owner: WebhookOwner, subscriptionId: string, since: Date, limit: number): Promise<WebhookDelivery[]> {
    const found: WebhookDelivery[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          FilterExpression: 'createdAt >= :since',
          ExpressionAttributeValues: { ':pk': webhookKeys.messages(owner, subscriptionId), ':since': since.toISOString() },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) found.push(strip<WebhookDelivery>(item) as WebhookDelivery);
      start = out.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, limit);
  }

  async due(now: Date, limit: number): Promise<WebhookDelivery[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :now',
        ExpressionAttributeValues: { ':pk': DUE_PARTITION, ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => strip<WebhookDelivery>(item) as WebhookDelivery);
  }
}
