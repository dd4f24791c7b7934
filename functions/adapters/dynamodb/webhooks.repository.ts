import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
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

export class DynamoWebhookRepository implements WebhookSubscriptions, WebhookRouteDirectory, WebhookDeliveries {
  /** Saves waiting for the next batch, by key (a second save of one message replaces the first's item). */
  private pending = new Map<string, PendingSave>();
  private flushScheduled = false;

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

  async list(owner: WebhookOwner, limit: number, cursor?: string): Promise<PageOf<WebhookSubscription>> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: webhookKeys.subscriptionListing(owner),
      limit,
      ...(cursor ? { cursor } : {}),
      newestFirst: true,
    });
    return { items: page.items.map((item) => strip<WebhookSubscription>(item) as WebhookSubscription), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
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

  async createIfAbsent(delivery: WebhookDelivery): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: this.deliveryItem(delivery), ConditionExpression: 'attribute_not_exists(PK)' }));
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
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, BATCH_MAX);
      const taken = [...this.pending.keys()].slice(0, BATCH_MAX);
      for (const key of taken) this.pending.delete(key);
      this.writeBatch(batch.map((save) => save.item)).then(
        () => batch.forEach((save) => save.settle.forEach(({ resolve }) => resolve())),
        (error: unknown) => batch.forEach((save) => save.settle.forEach(({ reject }) => reject(error))),
      );
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
    const query = (cursor: string | undefined) =>
      this.store.page<Record<string, unknown>>(
        filter.subscriptionId
          ? {
              partition: webhookKeys.messages(owner, filter.subscriptionId),
              limit: filter.limit,
              newestFirst: true,
              ...(cursor ? { cursor } : {}),
              ...(statusFilter ? { filter: statusFilter } : {}),
            }
          : {
              index: 'GSI1',
              partition: webhookKeys.messageListing(owner),
              limit: filter.limit,
              newestFirst: true,
              ...(cursor ? { cursor } : {}),
              ...(statusFilter ? { filter: statusFilter } : {}),
            },
      );
    // A status filter is applied after DynamoDB's limit: read on (a few pages at most) until the page is full.
    const items: WebhookDelivery[] = [];
    let cursor = filter.cursor;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await query(cursor);
      items.push(...page.items.map((item) => strip<WebhookDelivery>(item) as WebhookDelivery));
      cursor = page.nextCursor;
      if (!cursor || items.length >= filter.limit || !statusFilter) break;
    }
    return { items: items.slice(0, filter.limit), ...(cursor ? { nextCursor: cursor } : {}) };
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
