import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { DeliveryAttempt, WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import { pageEntryId, pageEntryParts, pagePrefix, type DeliveryPage } from '../../../domain/webhooks/pages.js';
import type {
  DeliveryFilter,
  DueWork,
  PageOf,
  WebhookDeliveries,
  WebhookRouteDirectory,
  WebhookSubscriptions,
} from '../../../domain/webhooks/ports.js';
import { routeOf, type WebhookOwner, type WebhookRoute, type WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { decodeCursor, encodeCursor, type PageKey } from './cursor.js';
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

/** Kept 30 days (TTL), long enough to replay or inspect a dead letter. */
const expiresAtOf = (createdAt: string) => Math.floor(Date.parse(createdAt) / 1000) + 30 * 24 * 3600;

/** One message in a page item, in short names: a page holds up to 100 of them in one attribute (deflated JSON). */
interface PageEntry {
  /** The delivery id (`<subscriptionId>_<eventId>`). */
  readonly i: string;
  readonly m: string;
  readonly t: string;
  readonly b: string;
  readonly c: string;
  /** The first attempt, in a CLOSED page (every entry of one delivered). */
  readonly a?: DeliveryAttempt;
}

const PAGE_KIND = 'WEBHOOK_PAGE';
const isPage = (item: Record<string, unknown>) => item.kind === PAGE_KIND;

/** A page item's messages, as made (OPEN) or as delivered (CLOSED), with their delivery ids. */
function pageOfItem(item: Record<string, unknown>): DeliveryPage {
  const owner = item.owner as WebhookOwner;
  const subscriptionId = String(item.subscriptionId);
  const open = item.status === 'PENDING';
  const entries = JSON.parse(inflateRawSync(item.entries as Uint8Array).toString('utf8')) as PageEntry[];
  return {
    id: String(item.SK),
    subscriptionId,
    owner,
    createdAt: String(item.createdAt),
    state: open ? 'OPEN' : 'CLOSED',
    ...(open && typeof item.leaseUntil === 'string' ? { leaseUntil: item.leaseUntil } : {}),
    messages: entries.map((entry) => ({
      id: entry.i,
      subscriptionId,
      owner,
      messageId: entry.m,
      eventType: entry.t,
      body: entry.b,
      status: entry.a ? 'DELIVERED' : 'PENDING',
      attempts: entry.a ? [entry.a] : [],
      attemptsInRound: entry.a ? 1 : 0,
      ...(entry.a ? {} : { nextAttemptAt: entry.c }),
      createdAt: entry.c,
      updatedAt: entry.a?.at ?? entry.c,
    })),
  };
}

/**
 * What the delivery log shows of an item: a message's own item, or a page's messages (newest first when asked),
 * under the ids {@link pageEntryId} gives them — but those replayed since, which have an item of their own now.
 * `from` skips the first entries (a cursor that stopped inside the page).
 */
function logEntries(item: Record<string, unknown>, newestFirst: boolean, from = 0): { deliveries: WebhookDelivery[]; count: number } {
  if (!isPage(item)) return { deliveries: [strip<WebhookDelivery>(item) as WebhookDelivery], count: 1 };
  const page = pageOfItem(item);
  const moved = item.moved instanceof Set ? (item.moved as Set<string>) : new Set<string>();
  const ordered = newestFirst ? [...page.messages].reverse() : [...page.messages];
  const deliveries = ordered
    .map((message, index) => ({ message, index }))
    .filter(({ message, index }) => index >= from && !moved.has(message.id))
    .map(({ message }) => ({ ...message, id: pageEntryId(message.id, page.id) }));
  return { deliveries, count: ordered.length };
}

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
      expiresAt: expiresAtOf(delivery.createdAt),
      ...delivery,
    };
  }

  private pageItem(page: DeliveryPage) {
    const open = page.state === 'OPEN';
    const entries: PageEntry[] = page.messages.map((message) => ({
      i: message.id,
      m: message.messageId,
      t: message.eventType,
      b: message.body,
      c: message.createdAt,
      ...(open ? {} : { a: message.attempts[message.attempts.length - 1] as DeliveryAttempt }),
    }));
    return {
      PK: webhookKeys.messages(page.owner, page.subscriptionId),
      SK: page.id,
      kind: PAGE_KIND,
      GSI1PK: webhookKeys.messageListing(page.owner),
      GSI1SK: `${page.createdAt}#${page.id}`,
      // An OPEN page is due when its lease ends: the retry loop then sends its messages again (./pages.ts).
      ...(open && page.leaseUntil ? { GSI2PK: DUE_PARTITION, GSI2SK: `${page.leaseUntil}#${page.id}`, leaseUntil: page.leaseUntil } : {}),
      expiresAt: expiresAtOf(page.createdAt),
      subscriptionId: page.subscriptionId,
      owner: page.owner,
      createdAt: page.createdAt,
      // replay-since finds a page by any of its messages' times.
      lastCreatedAt: page.messages.reduce((last, message) => (message.createdAt > last ? message.createdAt : last), page.createdAt),
      // The delivery log's status filter applies to the page as a whole: every message of it shares it.
      status: open ? 'PENDING' : 'DELIVERED',
      n: entries.length,
      // Deflated binary: the entries' JSON (bodies alike from one event type) shrinks several times, so a page costs
      // a fraction of the write units on AWS, and the SDK sends it as base64 instead of escaping it character by
      // character (most of the fan-out's CPU when it was a string).
      entries: deflateRawSync(JSON.stringify(entries), { level: 1 }),
    };
  }

  /**
   * Issue 17 (throughput): one PutItem for the page — OPEN before its messages are sent, CLOSED after with the
   * delivered ones (their attempts in the same item); a CLOSED page with none delivered is removed.
   */
  async savePage(page: DeliveryPage): Promise<void> {
    if (page.state === 'CLOSED' && page.messages.length === 0) {
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { PK: webhookKeys.messages(page.owner, page.subscriptionId), SK: page.id } }));
      return;
    }
    await this.doc.send(new PutCommand({ TableName: this.table, Item: this.pageItem(page) }));
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
    // A message's own item (a page's message replayed has one, under its page entry's id).
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: webhookKeys.messages(owner, subscriptionId), SK: id }, ConsistentRead: true }),
    );
    if (out.Item && !isPage(out.Item)) return strip<WebhookDelivery>(out.Item);
    const parts = pageEntryParts(id);
    if (!parts) return undefined;
    const found = await this.pageHolding(owner, subscriptionId, parts);
    const message = found?.page.messages.find((candidate) => candidate.id === parts.deliveryId);
    return found && message ? { ...message, id } : undefined;
  }

  /** The page a page entry's id points at: one Query of the endpoint's pages of that millisecond. */
  private async pageHolding(
    owner: WebhookOwner,
    subscriptionId: string,
    parts: { readonly deliveryId: string; readonly locator: string },
  ): Promise<{ page: DeliveryPage; key: ItemKey } | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': webhookKeys.messages(owner, subscriptionId), ':prefix': pagePrefix(subscriptionId, parts.locator) },
        ConsistentRead: true,
      }),
    );
    for (const item of out.Items ?? []) {
      if (!isPage(item)) continue;
      this.remember(item);
      const page = pageOfItem(item);
      if (page.messages.some((message) => message.id === parts.deliveryId)) return { page, key: { PK: String(item.PK), SK: String(item.SK) } };
    }
    return undefined;
  }

  /** Where the page entries this process read lately are (their page's key): a replay marks them without a Query. */
  private readonly pageOfEntry = new Map<string, ItemKey>();
  /** Marks waiting to be written, by page: one UpdateItem for all of a page's entries replayed together. */
  private readonly marks = new Map<string, { key: ItemKey; ids: Set<string>; settle: { resolve: () => void; reject: (error: unknown) => void }[] }>();

  private remember(item: Record<string, unknown>): void {
    if (!isPage(item)) return;
    if (this.pageOfEntry.size > 20_000) this.pageOfEntry.clear();
    const key = { PK: String(item.PK), SK: String(item.SK) };
    for (const message of pageOfItem(item).messages) this.pageOfEntry.set(pageEntryId(message.id, key.SK), key);
  }

  /**
   * A page's message now has an item of its own (a replay): its page entry is no longer listed, so the log shows
   * the message once. Marked after the item is written — a stop in between shows it twice, never not at all.
   */
  private async markMoved(delivery: WebhookDelivery, parts: { readonly deliveryId: string; readonly locator: string }): Promise<void> {
    const key = this.pageOfEntry.get(delivery.id) ?? (await this.pageHolding(delivery.owner, delivery.subscriptionId, parts))?.key;
    if (!key) return;
    const pageKey = `${key.PK}\u0000${key.SK}`;
    await new Promise<void>((resolve, reject) => {
      const waiting = this.marks.get(pageKey);
      if (waiting) {
        waiting.ids.add(parts.deliveryId);
        waiting.settle.push({ resolve, reject });
        return;
      }
      this.marks.set(pageKey, { key, ids: new Set([parts.deliveryId]), settle: [{ resolve, reject }] });
      setImmediate(() => {
        const mark = this.marks.get(pageKey);
        this.marks.delete(pageKey);
        if (!mark) return;
        this.writeMark(mark.key, mark.ids).then(
          () => mark.settle.forEach(({ resolve: done }) => done()),
          (error: unknown) => mark.settle.forEach(({ reject: fail }) => fail(error)),
        );
      });
    });
  }

  private async writeMark(key: ItemKey, ids: Set<string>): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'ADD moved :ids',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':ids': ids },
        }),
      );
    } catch (error) {
      // The page expired (TTL) meanwhile: nothing is left to hide.
      if (!(error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  /**
   * Issue 17 (throughput): an attempt's log entry is written in a BatchWriteItem with the other attempts that end
   * in the same turn of the event loop (up to 25), instead of a PutItem each. The promise still resolves only once
   * its item is written, so the dispatcher schedules a retry or reports success after the attempt is logged.
   */
  save(delivery: WebhookDelivery): Promise<void> {
    const written = this.batchedSave(delivery);
    // A page's message saved under its page entry's id for the first time: a replay (replayed() starts a round).
    const parts = pageEntryParts(delivery.id);
    if (!parts || delivery.attemptsInRound !== 0) return written;
    return written.then(() => this.markMoved(delivery, parts));
  }

  private batchedSave(delivery: WebhookDelivery): Promise<void> {
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

  /**
   * The delivery log, newest first: messages' own items and pages' messages alike (issue 17, throughput). The
   * Query reads items; a page item gives up to 100 rows, so a cursor may stop inside one — it then carries the
   * page's key and how many of its rows were given (`at`), and the next call reads that page again first.
   */
  async listDeliveries(owner: WebhookOwner, filter: DeliveryFilter): Promise<PageOf<WebhookDelivery>> {
    const byEndpoint = filter.subscriptionId !== undefined;
    const partition = byEndpoint
      ? { name: 'PK', value: webhookKeys.messages(owner, filter.subscriptionId as string) }
      : { name: 'GSI1PK', value: webhookKeys.messageListing(owner) };
    const keyNames = byEndpoint ? ['PK', 'SK'] : ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
    const keyOf = (item: Record<string, unknown>): PageKey => Object.fromEntries(keyNames.map((name) => [name, String(item[name])]));
    const statusFilter = filter.status
      ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': filter.status } }
      : undefined;
    const decoded = decodeCursor(filter.cursor, partition);
    const { at, ...startKey } = decoded ?? {};
    // Issue 15: the total is counted on the list's first page only (the same key range and status filter).
    const counted = filter.withTotal === true && !decoded ? this.countEntries(partition, byEndpoint, statusFilter) : undefined;
    counted?.catch(() => undefined);
    const items: WebhookDelivery[] = [];
    const cursorAt = (item: Record<string, unknown>, given: number) => encodeCursor({ ...keyOf(item), at: String(given) }, partition);
    let exclusive: PageKey | undefined = decoded ? startKey : undefined;
    if (at !== undefined) {
      // The page the last call stopped inside, from its first row not yet given.
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: startKey.PK, SK: startKey.SK }, ConsistentRead: true }));
      if (out.Item && (!filter.status || out.Item.status === filter.status)) {
        const from = Number(at);
        const rows = logEntries(out.Item, true, from).deliveries;
        if (rows.length > filter.limit) {
          return this.listed(rows.slice(0, filter.limit), cursorAt(out.Item, this.givenAfter(out.Item, from, filter.limit)), counted);
        }
        // Its last rows: the list goes on after it (a full list's cursor may lead to an empty last list).
        items.push(...rows);
      }
    }
    for (let round = 0; round < 20 && items.length < filter.limit; round += 1) {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          ...(byEndpoint ? {} : { IndexName: 'GSI1' }),
          KeyConditionExpression: '#pk = :pk',
          ...statusFilter,
          ExpressionAttributeNames: { '#pk': partition.name, ...statusFilter?.ExpressionAttributeNames },
          ExpressionAttributeValues: { ':pk': partition.value, ...statusFilter?.ExpressionAttributeValues },
          ScanIndexForward: false,
          // Each read asks for no more items than rows still missing: a page item may fill the rest alone.
          Limit: Math.max(1, Math.min(25, filter.limit - items.length)),
          ExclusiveStartKey: exclusive,
        }),
      );
      const found = out.Items ?? [];
      for (const [index, item] of found.entries()) {
        const room = filter.limit - items.length;
        const rows = logEntries(item, true).deliveries;
        if (rows.length > room) {
          items.push(...rows.slice(0, room));
          return this.listed(items, cursorAt(item, this.givenAfter(item, 0, room)), counted);
        }
        items.push(...rows);
        if (items.length === filter.limit) {
          const more = index < found.length - 1 || out.LastEvaluatedKey !== undefined;
          return this.listed(items, more ? encodeCursor(keyOf(item), partition) : undefined, counted);
        }
      }
      exclusive = out.LastEvaluatedKey as PageKey | undefined;
      if (!exclusive) break;
    }
    return this.listed(items, exclusive ? encodeCursor(exclusive, partition) : undefined, counted);
  }

  /** How many of a page's rows (newest first, replayed ones included) lie before its `count`-th listed row after `from`. */
  private givenAfter(item: Record<string, unknown>, from: number, count: number): number {
    const moved = item.moved instanceof Set ? (item.moved as Set<string>) : new Set<string>();
    const ordered = [...pageOfItem(item).messages].reverse();
    let index = from;
    for (let listed = 0; index < ordered.length && listed < count; index += 1) {
      if (!moved.has((ordered[index] as WebhookDelivery).id)) listed += 1;
    }
    return index;
  }

  private async listed(items: WebhookDelivery[], nextCursor: string | undefined, counted: Promise<number> | undefined): Promise<PageOf<WebhookDelivery>> {
    const total = counted ? await counted : undefined;
    return { items, ...(nextCursor ? { nextCursor } : {}), ...(total === undefined ? {} : { total }) };
  }

  /** Issue 15: the log's rows — an own item counts one, a page its messages but those replayed since. */
  private async countEntries(
    partition: { name: string; value: string },
    byEndpoint: boolean,
    statusFilter: { FilterExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } | undefined,
  ): Promise<number> {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          ...(byEndpoint ? {} : { IndexName: 'GSI1' }),
          KeyConditionExpression: '#pk = :pk',
          ...statusFilter,
          ProjectionExpression: '#n, moved, kind',
          ExpressionAttributeNames: { '#pk': partition.name, '#n': 'n', ...statusFilter?.ExpressionAttributeNames },
          ExpressionAttributeValues: { ':pk': partition.value, ...statusFilter?.ExpressionAttributeValues },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        total += isPage(item) ? Number(item.n ?? 0) - (item.moved instanceof Set ? item.moved.size : 0) : 1;
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  async since(owner: WebhookOwner, subscriptionId: string, since: Date, limit: number): Promise<WebhookDelivery[]> {
    const found: WebhookDelivery[] = [];
    const from = since.toISOString();
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          // A page by any of its messages' times (it was made at its first one's).
          FilterExpression: 'createdAt >= :since OR lastCreatedAt >= :since',
          ExpressionAttributeValues: { ':pk': webhookKeys.messages(owner, subscriptionId), ':since': from },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        this.remember(item);
        for (const delivery of logEntries(item, false).deliveries) if (delivery.createdAt >= from) found.push(delivery);
      }
      start = out.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, limit);
  }

  async due(now: Date, limit: number): Promise<DueWork> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :now',
        ExpressionAttributeValues: { ':pk': DUE_PARTITION, ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    const items = out.Items ?? [];
    return {
      messages: items.filter((item) => !isPage(item)).map((item) => strip<WebhookDelivery>(item) as WebhookDelivery),
      pages: items.filter(isPage).map(pageOfItem),
    };
  }
}
