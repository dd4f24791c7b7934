import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbClientConfig, mainTableName, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { webhookKeys } from '../../functions/adapters/dynamodb/webhooks.repository.js';
import type { BusEvent } from '../../functions/relay/bus-event.js';
import { webhooksRoot } from '../../functions/webhooks/composition-root.js';
import type { DeliveryPage } from '../../domain/webhooks/pages.js';
import type { WebhookOwner } from '../../domain/webhooks/subscription.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue 17 (webhook throughput): messages that deliver at their first attempt are stored in pages — one item per
 * batch of up to 100 — and the delivery log and replay read them like messages with items of their own. A stop
 * between sending and closing a page sends its messages again with the same webhook-id (at-least-once).
 * The receiver listens on 127.0.0.1; events are put on the local bus as the relay puts them.
 */
process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
interface LogRow {
  id: string;
  messageId: string;
  status: string;
  attempts: { status?: number }[];
}

let test: TestPlatform;
let receiver: Server;
let picc: ApiClient;
let subscription: { id: string; secret: string };
let owner: WebhookOwner;
const received: Received[] = [];
const doc = () => toDocumentClient(new DynamoDBClient(dynamoDbClientConfig()));

const event = (n: number, tenantId: string): BusEvent => ({
  id: `pagetest${String(n).padStart(18, '0')}`,
  type: 'underwriting.policy.issued',
  version: 1,
  source: 'anze',
  time: new Date().toISOString(),
  tenantId,
  aggregate: { type: 'policy', id: `p${n}` },
  sequence: 1,
  data: { policyId: `p${n}`, members: [tenantId] },
});

async function publish(from: number, count: number): Promise<void> {
  if (owner.kind !== 'tenant') throw new Error('an insurer’s endpoint');
  for (let n = from; n < from + count; n += 1) await test.platform.webhooks.onEvent(event(n, owner.tenantId));
  await test.platform.webhooks.idle();
}

async function everyRow(): Promise<{ rows: LogRow[]; total: number | undefined }> {
  const rows: LogRow[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  for (let calls = 0; calls < 50; calls += 1) {
    const page = await picc.get<{ items: LogRow[]; nextCursor?: string; total?: number }>(
      `/webhooks/deliveries?subscriptionId=${subscription.id}&limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    if (calls === 0) total = page.body.total;
    rows.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!cursor) break;
  }
  return { rows, total };
}

async function storedItems(): Promise<Record<string, unknown>[]> {
  const out = await doc().send(
    new QueryCommand({ TableName: mainTableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': webhookKeys.messages(owner, subscription.id) } }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', 'Anze-demo-2026');
  const created = await picc.post<{ id: string; secret: string }>('/webhooks/subscriptions', {
    url: `http://127.0.0.1:${port}/pages`,
    eventTypes: ['underwriting.policy.*'],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  subscription = created.body;
  owner = (await webhooksRoot().directory.routes()).find((route) => route.id === subscription.id)?.owner as WebhookOwner;
}, 120_000);

afterAll(async () => {
  await test?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhook messages delivered at once are stored in pages (issue 17, throughput)', () => {
  it('issue 17: 250 messages that deliver at their first attempt are 250 signed requests but a handful of page items, not an item each', async () => {
    await publish(0, 250);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(250);
    const verifier = new Webhook(subscription.secret);
    const one = received[0] as Received;
    verifier.verify(one.body, {
      'webhook-id': String(one.headers['webhook-id']),
      'webhook-timestamp': String(one.headers['webhook-timestamp']),
      'webhook-signature': String(one.headers['webhook-signature']),
    });
    const items = await storedItems();
    // At most 100 a page: three when the stream filled them, a few more when the bus fed them in smaller turns.
    expect(items.length).toBeLessThanOrEqual(25);
    expect(items.every((item) => item.kind === 'WEBHOOK_PAGE' && item.status === 'DELIVERED' && item.GSI2PK === undefined)).toBe(true);
    expect(items.reduce((sum, item) => sum + Number(item.n), 0)).toBe(250);
  });

  it('issue 17: the delivery log lists every message of the pages once, across cursors that stop inside a page, with its total', async () => {
    const { rows, total } = await everyRow();
    expect(total).toBe(250);
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.id)).size).toBe(250);
    expect(new Set(rows.map((row) => row.messageId)).size).toBe(250);
    expect(rows.every((row) => row.status === 'DELIVERED' && row.attempts.length === 1 && row.attempts[0]?.status === 204)).toBe(true);
    const delivered = await picc.get<{ items: LogRow[]; total: number }>(`/webhooks/deliveries?status=DELIVERED&limit=5`);
    expect(delivered.body.total).toBe(250);
    expect(delivered.body.items).toHaveLength(5);
  });

  it('issue 17: a page’s message is replayed with the same webhook-id, and the log still shows it once', async () => {
    const { rows } = await everyRow();
    const chosen = rows[137] as LogRow;
    const before = received.length;
    const replayed = await picc.post<{ id: string; status: string }>(`/webhooks/deliveries/${chosen.id}/replay`, undefined);
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    expect(replayed.body.id).toBe(chosen.id);
    await test.platform.webhooks.idle();
    for (let waited = 0; received.length === before && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.slice(before).map((r) => r.headers['webhook-id'])).toEqual([chosen.messageId]);
    const after = await everyRow();
    expect(after.total).toBe(250);
    expect(after.rows.filter((row) => row.messageId === chosen.messageId)).toEqual([
      expect.objectContaining({ id: chosen.id, status: 'DELIVERED', attempts: [expect.objectContaining({ status: 204 }), expect.objectContaining({ status: 204 })] }),
    ]);
    // Everything since a time: the page messages and the replayed one alike, each once.
    const since = await picc.post<{ replayed: number }>(`/webhooks/subscriptions/${subscription.id}/replay`, { since: new Date(Date.now() - 3_600_000).toISOString() });
    expect(since.body.replayed).toBe(250);
    await test.platform.webhooks.idle();
  });

  it('issue 17: a stop between sending and closing a page leaves it due; after its lease its messages are sent again, same webhook-id', async () => {
    const repository = webhooksRoot().deliveries;
    const savePage = repository.savePage.bind(repository);
    // The process "stops" after sending: the page's close never reaches the table.
    repository.savePage = async (page: DeliveryPage) => {
      if (page.state === 'CLOSED') throw new Error('stopped');
      return savePage(page);
    };
    const before = received.length;
    try {
      await publish(1000, 3);
    } finally {
      repository.savePage = savePage;
    }
    const sent = [1000, 1001, 1002].map((n) => `msg_${event(n, '').id}`);
    expect(received.slice(before).map((r) => String(r.headers['webhook-id']))).toEqual(expect.arrayContaining(sent));
    const openPages = async () => (await storedItems()).filter((item) => item.kind === 'WEBHOOK_PAGE' && item.status === 'PENDING');
    const open = await openPages();
    expect(open.length).toBeGreaterThanOrEqual(1);
    // Not before its lease is over (60 s): a page in a running process is not taken from it (what else is due by
    // then — a retry of an earlier message the loaded machine made fail — goes first).
    await test.platform.webhooks.deliverDue(new Date(Date.now() + 10_000));
    expect((await openPages()).length).toBeGreaterThanOrEqual(1);
    const resent = received.length;
    expect(await test.platform.webhooks.deliverDue(new Date(Date.now() + 61_000))).toBeGreaterThanOrEqual(3);
    expect(received.slice(resent).map((r) => String(r.headers['webhook-id']))).toEqual(expect.arrayContaining(sent));
    expect(await openPages()).toEqual([]);
    const { rows } = await everyRow();
    expect(rows.filter((row) => sent.includes(row.messageId)).map((row) => row.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
  });
});
