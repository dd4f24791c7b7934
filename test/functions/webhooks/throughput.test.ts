import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import type { WebhookRouteDirectory, WebhookSubscriptions } from '../../../domain/webhooks/ports.js';
import type { WebhookRoute, WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { DynamoWebhookRepository } from '../../../functions/adapters/dynamodb/webhooks.repository.js';
import type { Store } from '../../../functions/adapters/dynamodb/store.js';
import { SubscriptionCache } from '../../../functions/webhooks/subscription-cache.js';

/**
 * Issue 17 (webhook throughput): the bench measured 10–60 messages/s because every message cost a directory
 * Query, two GetItems and two PutItems, one after another. These tests pin the fixes: reads remembered and
 * forgotten on every write, message creation and attempt logs written in batches — with every message still
 * stored (and a repeated one still refused) before its promise resolves.
 */
const owner = { kind: 'tenant', tenantId: 't1' } as const;
const at = '2026-12-06T00:00:00.000Z';
const subscription: WebhookSubscription = {
  id: 'sub1',
  owner,
  url: 'http://127.0.0.1:1/hook',
  eventTypes: ['underwriting.policy.*'],
  description: '',
  enabled: true,
  fullPayload: false,
  secrets: [{ secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, createdAt: at }],
  createdAt: at,
  updatedAt: at,
  version: 1,
};
const route: WebhookRoute = { id: 'sub1', owner, eventTypes: ['underwriting.policy.*'], enabled: true, fullPayload: false };

function countingStore() {
  const reads = { routes: 0, get: 0 };
  let current: WebhookSubscription | undefined = subscription;
  const inner: WebhookSubscriptions & WebhookRouteDirectory = {
    routes: async () => (reads.routes += 1, current ? [route] : []),
    get: async () => (reads.get += 1, current),
    list: async () => ({ items: [] }),
    create: async () => undefined,
    update: async (next) => void (current = next),
    remove: async () => void (current = undefined),
  };
  return { inner, reads };
}

describe('webhook subscription cache (issue 17, throughput)', () => {
  it('reads the routing directory and an attempt’s subscription once for many events, not once per event', async () => {
    const { inner, reads } = countingStore();
    const cache = new SubscriptionCache(inner, 60_000);
    for (let i = 0; i < 100; i += 1) {
      await cache.routes();
      await cache.forAttempts.get(owner, 'sub1');
    }
    expect(reads).toEqual({ routes: 1, get: 1 });
  });

  it('forgets at once on a write through it: a disabled or deleted endpoint is seen by the next attempt (ACL-1)', async () => {
    const { inner, reads } = countingStore();
    const cache = new SubscriptionCache(inner, 60_000);
    expect((await cache.forAttempts.get(owner, 'sub1'))?.enabled).toBe(true);
    await cache.update({ ...subscription, enabled: false, version: 2 }, 1);
    expect((await cache.forAttempts.get(owner, 'sub1'))?.enabled).toBe(false);
    await cache.remove({ ...subscription, version: 2 });
    expect(await cache.forAttempts.get(owner, 'sub1')).toBeUndefined();
    expect(await cache.routes()).toEqual([]);
    expect(reads.get).toBe(3);
  });

  it('reads again after its time to live (a write by another process is seen within it)', async () => {
    const { inner, reads } = countingStore();
    let now = 0;
    const cache = new SubscriptionCache(inner, 1000, () => now);
    await cache.routes();
    now = 999;
    await cache.routes();
    now = 1000;
    await cache.routes();
    expect(reads.routes).toBe(2);
  });

  it('never serves the API’s own reads (its version checks) from the cache', async () => {
    const { inner, reads } = countingStore();
    const cache = new SubscriptionCache(inner, 60_000);
    await cache.get(owner, 'sub1');
    await cache.get(owner, 'sub1');
    expect(reads.get).toBe(2);
  });
});

const message = (i: number): WebhookDelivery => ({
  id: `sub1_evt${i}`,
  subscriptionId: 'sub1',
  owner,
  messageId: `msg_evt${i}`,
  eventType: 'underwriting.policy.issued',
  body: '{}',
  status: 'PENDING',
  attempts: [],
  attemptsInRound: 0,
  nextAttemptAt: at,
  createdAt: at,
  updatedAt: at,
});

/** A document client that records each call and keeps the items written (DynamoDB's conditions, in memory). */
function fakeDoc() {
  const items = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  const keyOf = (item: Record<string, unknown>) => `${String(item.PK)}|${String(item.SK)}`;
  const doc = {
    send: async (command: { constructor: { name: string }; input: Record<string, any> }) => {
      calls.push(command.constructor.name);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (command.constructor.name === 'TransactWriteCommand') {
        const puts = command.input.TransactItems.map((entry: { Put: { Item: Record<string, unknown> } }) => entry.Put.Item);
        const reasons = puts.map((item: Record<string, unknown>) => ({ Code: items.has(keyOf(item)) ? 'ConditionalCheckFailed' : 'None' }));
        if (reasons.some((reason: { Code: string }) => reason.Code !== 'None')) {
          throw new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: reasons });
        }
        for (const item of puts) items.set(keyOf(item), item);
        return {};
      }
      if (command.constructor.name === 'PutCommand') {
        const item = command.input.Item;
        if (command.input.ConditionExpression && items.has(keyOf(item))) {
          const error = new Error('exists');
          error.name = 'ConditionalCheckFailedException';
          throw error;
        }
        items.set(keyOf(item), item);
        return {};
      }
      if (command.constructor.name === 'BatchWriteCommand') {
        const requests = Object.values(command.input.RequestItems)[0] as { PutRequest: { Item: Record<string, unknown> } }[];
        for (const request of requests) items.set(keyOf(request.PutRequest.Item), request.PutRequest.Item);
        return {};
      }
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  };
  return { doc: doc as unknown as DynamoDBDocumentClient, items, calls };
}

describe('webhook message writes in batches (issue 17, throughput)', () => {
  it('makes 60 messages of one moment in one TransactWriteItems, each stored before its promise resolves', async () => {
    const { doc, items, calls } = fakeDoc();
    const repository = new DynamoWebhookRepository(doc, 'main', {} as Store);
    const made = await Promise.all(Array.from({ length: 60 }, (_, i) => repository.createIfAbsent(message(i))));
    expect(made.every(Boolean)).toBe(true);
    expect(items.size).toBe(60);
    expect(calls).toEqual(['TransactWriteCommand']);
  });

  it('still refuses a repeated message (the bus repeats an event) while making the others of its batch', async () => {
    const { doc, items, calls } = fakeDoc();
    const repository = new DynamoWebhookRepository(doc, 'main', {} as Store);
    expect(await repository.createIfAbsent(message(1))).toBe(true);
    const made = await Promise.all([1, 2, 3, 2].map((i) => repository.createIfAbsent(message(i))));
    expect(made).toEqual([false, true, true, false]);
    expect(items.size).toBe(3);
    expect(calls).toEqual(['PutCommand', 'TransactWriteCommand', 'TransactWriteCommand']);
  });

  it('logs the attempts that end together in BatchWriteItem calls of at most 25, each logged before it resolves', async () => {
    const { doc, items, calls } = fakeDoc();
    const repository = new DynamoWebhookRepository(doc, 'main', {} as Store);
    await Promise.all(Array.from({ length: 50 }, (_, i) => repository.save({ ...message(i), status: 'DELIVERED' })));
    expect(items.size).toBe(50);
    expect(calls).toEqual(['BatchWriteCommand', 'BatchWriteCommand']);
    expect([...items.values()].every((item) => item.status === 'DELIVERED')).toBe(true);
  });
});
