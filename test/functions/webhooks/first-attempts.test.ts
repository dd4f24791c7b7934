import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt, WebhookDelivery } from '../../../domain/webhooks/delivery.js';
import { healthAfterPage, packPages, pageEntryId, pageEntryParts, PAGE_LEASE_MS, PAGE_MAX_BODY_BYTES, type DeliveryPage } from '../../../domain/webhooks/pages.js';
import type { DeliveryQueue, DueWork, WebhookDeliveries, WebhookSubscriptions, WebhookTransport } from '../../../domain/webhooks/ports.js';
import type { WebhookSubscription } from '../../../domain/webhooks/subscription.js';
import { SqsDeliveryQueue } from '../../../functions/adapters/webhooks/sqs-delivery-queue.js';
import { WebhookDispatcher } from '../../../functions/webhooks/dispatcher.js';

/**
 * Issue 17 (throughput): first attempts are stored in pages (domain/webhooks/pages.ts) — a page item per batch of an
 * endpoint's messages that delivered, an item of its own (with its due-index entry) for any that did not.
 */
const T0 = new Date('2026-12-06T00:00:00.000Z');
const owner = { kind: 'tenant', tenantId: 't1' } as const;
const subscription: WebhookSubscription = {
  id: 'sub1',
  owner,
  url: 'http://127.0.0.1:1/hook',
  eventTypes: ['underwriting.policy.*'],
  description: '',
  enabled: true,
  fullPayload: false,
  secrets: [{ secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, createdAt: T0.toISOString() }],
  createdAt: T0.toISOString(),
  updatedAt: T0.toISOString(),
  version: 1,
};
const message = (i: number, subscriptionId = 'sub1', body = '{}'): WebhookDelivery => ({
  id: `${subscriptionId}_evt${String(i).padStart(4, '0')}`,
  subscriptionId,
  owner,
  messageId: `msg_evt${i}`,
  eventType: 'underwriting.policy.issued',
  body,
  status: 'PENDING',
  attempts: [],
  attemptsInRound: 0,
  nextAttemptAt: T0.toISOString(),
  createdAt: T0.toISOString(),
  updatedAt: T0.toISOString(),
});

/** In-memory ports that record every write the dispatcher asks for. */
function harness(answer: (headers: Readonly<Record<string, string>>) => number, current: WebhookSubscription | undefined = subscription) {
  const writes: string[] = [];
  const pages: DeliveryPage[] = [];
  const own = new Map<string, WebhookDelivery>();
  const enqueued: string[] = [];
  const sent: string[] = [];
  const updates: WebhookSubscription[] = [];
  const deliveries: WebhookDeliveries = {
    createIfAbsent: async (delivery) => {
      writes.push(`own ${delivery.id} ${delivery.status}`);
      if (own.has(delivery.id)) return false;
      own.set(delivery.id, delivery);
      return true;
    },
    getDelivery: async () => undefined,
    save: async (delivery) => void own.set(delivery.id, delivery),
    savePage: async (page) => {
      writes.push(`page ${page.state} ${page.messages.length}`);
      pages.push(page);
    },
    listDeliveries: async () => ({ items: [] }),
    since: async () => [],
    due: async (): Promise<DueWork> => ({ messages: [], pages: pages.filter((page) => page.state === 'OPEN' && !pages.some((p) => p.id === page.id && p.state === 'CLOSED')) }),
  };
  const subscriptions: WebhookSubscriptions = {
    create: async () => undefined,
    get: async () => current,
    list: async () => ({ items: [] }),
    update: async (next) => void updates.push(next),
    remove: async () => undefined,
  };
  const transport: WebhookTransport = {
    post: async (_url, headers) => {
      sent.push(String(headers['webhook-id']));
      return { status: answer(headers), body: '' };
    },
  };
  const queue: DeliveryQueue = { enqueue: async (delivery) => void enqueued.push(delivery.id), enqueueFirst: async () => undefined };
  let ids = 0;
  const dispatcher = new WebhookDispatcher(
    {
      directory: { routes: async () => [] },
      subscriptions,
      deliveries,
      transport,
      clock: { now: () => T0 },
      newId: () => `01kx${String((ids += 1)).padStart(22, '0')}`,
      random: () => 0.5,
    },
    queue,
  );
  return { dispatcher, deliveries, writes, pages, own, enqueued, sent, updates };
}

describe('first attempts stored in pages (issue 17, throughput)', () => {
  it('issue 17: 100 messages that deliver at once cost two page writes (OPEN before sending, CLOSED after), not two writes each', async () => {
    const { dispatcher, writes, pages, sent } = harness(() => 204);
    const result = await dispatcher.deliverFirst(Array.from({ length: 100 }, (_, i) => message(i)), { durable: false });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(Array(100).fill('DELIVERED'));
    expect(sent).toHaveLength(100);
    expect(writes).toEqual(['page OPEN 100', 'page CLOSED 100']);
    const [open, closed] = pages as [DeliveryPage, DeliveryPage];
    expect(open.leaseUntil).toBe(new Date(T0.getTime() + PAGE_LEASE_MS).toISOString());
    expect(closed.messages.every((delivered) => delivered.attempts.length === 1 && delivered.attempts[0]?.status === 204)).toBe(true);
    expect(closed.id).toBe(open.id);
  });

  it('issue 17: from a durable queue (SQS) only the CLOSED page is written — the queue sends again if it is not', async () => {
    const { dispatcher, writes } = harness(() => 200);
    await dispatcher.deliverFirst(Array.from({ length: 30 }, (_, i) => message(i)), { durable: true });
    expect(writes).toEqual(['page CLOSED 30']);
  });

  it('issue 17: a message that fails its first attempt gets its own item (due for the 5 s retry) before the page is closed, and is queued', async () => {
    const { dispatcher, writes, own, enqueued } = harness((headers) => (headers['webhook-id'] === 'msg_evt3' ? 500 : 204));
    await dispatcher.deliverFirst(Array.from({ length: 5 }, (_, i) => message(i)), { durable: false });
    expect(writes).toEqual(['page OPEN 5', 'own sub1_evt0003 RETRYING', 'page CLOSED 4']);
    expect(own.get('sub1_evt0003')).toMatchObject({ status: 'RETRYING', nextAttemptAt: new Date(T0.getTime() + 5_000).toISOString(), attemptsInRound: 1 });
    expect(enqueued).toEqual(['sub1_evt0003']);
  });

  it('issue 17: 410 Gone on a first attempt dead-letters that message and disables the endpoint with its event', async () => {
    const { dispatcher, own, updates, enqueued } = harness((headers) => (headers['webhook-id'] === 'msg_evt1' ? 410 : 204));
    await dispatcher.deliverFirst([message(0), message(1)], { durable: true });
    expect(own.get('sub1_evt0001')?.status).toBe('DEAD_LETTERED');
    expect(updates).toEqual([expect.objectContaining({ enabled: false, disabledReason: expect.stringContaining('410') })]);
    expect(enqueued).toEqual([]);
  });

  it('issue 17: nothing is sent to a disabled endpoint; its new messages are dead letters of their own (replayable)', async () => {
    const { dispatcher, sent, own, writes } = harness(() => 204, { ...subscription, enabled: false });
    await dispatcher.deliverFirst([message(0), message(1)], { durable: false });
    expect(sent).toEqual([]);
    expect([...own.values()].map((delivery) => delivery.status)).toEqual(['DEAD_LETTERED', 'DEAD_LETTERED']);
    expect(writes.at(-1)).toBe('page CLOSED 0');
  });

  it('issue 17: a page whose close failed is reported unsettled; after its lease the retry loop sends it again, same webhook-id', async () => {
    const { dispatcher, deliveries, pages, sent } = harness(() => 204);
    // The first run "stops" at the close: its OPEN page is what the table keeps.
    const savePage = deliveries.savePage;
    deliveries.savePage = async (page) => (page.state === 'CLOSED' ? Promise.reject(new Error('stopped')) : savePage(page));
    const result = await dispatcher.deliverFirst([message(0), message(1)], { durable: false });
    expect(result.unsettled.map((failed) => failed.id)).toEqual(['sub1_evt0000', 'sub1_evt0001']);
    deliveries.savePage = savePage;
    expect(await dispatcher.deliverDue(new Date(T0.getTime() + PAGE_LEASE_MS + 1))).toBe(2);
    expect(sent).toEqual(['msg_evt0', 'msg_evt1', 'msg_evt0', 'msg_evt1']);
    expect(pages.map((page) => `${page.state} ${page.messages.length}`)).toEqual(['OPEN 2', 'CLOSED 2']);
  });
});

describe('pages (issue 17, pure)', () => {
  it('packs an endpoint’s messages 100 to a page and keeps bodies under the page’s byte budget; endpoints never share a page', () => {
    const many = [...Array.from({ length: 150 }, (_, i) => message(i)), message(1, 'sub2')];
    expect(packPages(many).map((page) => `${page[0]?.subscriptionId}:${page.length}`)).toEqual(['sub1:100', 'sub1:50', 'sub2:1']);
    const big = 'x'.repeat(20 * 1024);
    const heavy = packPages(Array.from({ length: 20 }, (_, i) => message(i, 'sub1', big)));
    expect(heavy.map((page) => page.length)).toEqual([8, 8, 4]);
    expect(heavy.every((page) => page.length * big.length <= PAGE_MAX_BODY_BYTES)).toBe(true);
  });

  it('names a page’s message by its delivery id and the page’s time, inside the API’s 64 characters', () => {
    const deliveryId = '01kx0000000000000000000001_01kx0000000000000000000002';
    const entry = pageEntryId(deliveryId, '01kx0000000000000000000001_01kxabcdefgh0000000000000z');
    expect(entry).toBe(`${deliveryId}-1kxabcdef`);
    expect(entry.length).toBeLessThanOrEqual(64);
    expect(pageEntryParts(entry)).toEqual({ deliveryId, locator: '1kxabcdef' });
    expect(pageEntryParts(deliveryId)).toBeUndefined();
  });

  it('an endpoint that answered once in a page is healthy; one that failed every attempt starts failing at the first', () => {
    const attempt = (status: number): DeliveryAttempt => ({ at: T0.toISOString(), status, latencyMs: 1 });
    const ok = { delivery: { ...message(0), status: 'DELIVERED' as const, attempts: [attempt(200)] }, failingSince: undefined };
    const bad = { delivery: { ...message(1), status: 'RETRYING' as const }, failingSince: '2026-12-06T00:00:01.000Z' };
    const worse = { delivery: { ...message(2), status: 'RETRYING' as const }, failingSince: '2026-12-06T00:00:00.500Z' };
    expect(healthAfterPage('2026-12-01T00:00:00.000Z', [ok, bad])).toEqual({ failingSince: undefined });
    expect(healthAfterPage(undefined, [bad, worse])).toEqual({ failingSince: '2026-12-06T00:00:00.500Z' });
    expect(healthAfterPage('2026-12-01T00:00:00.000Z', [bad])).toEqual({ failingSince: '2026-12-01T00:00:00.000Z' });
  });
});

describe('the SQS delivery queue (issue 17, AWS)', () => {
  it('issue 17: puts new messages on the queue whole, 10 to a SendMessageBatch call, for the delivery function to store in pages', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const queue = new SqsDeliveryQueue(new SQSClient({ region: 'cn-north-1' }), 'https://sqs.example/queue', { now: () => T0 });
    const messages = Array.from({ length: 25 }, (_, i) => message(i));
    await queue.enqueueFirst(messages);
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => input.Entries?.length)).toEqual([10, 10, 5]);
    expect(calls[0]).toEqual({
      QueueUrl: 'https://sqs.example/queue',
      Entries: messages.slice(0, 10).map((delivery, index) => ({ Id: String(index), MessageBody: JSON.stringify({ first: delivery }) })),
    });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    sqs.restore();
  });

  it('issue 17: an entry SQS did not take fails the fan-out, so EventBridge tries the event again', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    const queue = new SqsDeliveryQueue(new SQSClient({ region: 'cn-north-1' }), 'https://sqs.example/queue', { now: () => T0 });
    await expect(queue.enqueueFirst([message(0)])).rejects.toThrow(/refused 1/);
    sqs.restore();
  });
});
