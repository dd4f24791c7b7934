import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPlatform } from '../../infra/local/platform.js';
import { webhooksRoot } from '../../functions/webhooks/composition-root.js';
import type { BusEvent } from '../../functions/relay/bus-event.js';

export const WEBHOOKS_HEADING = '## Webhook deliveries to a loopback receiver (issue 17)';

export interface WebhooksSection {
  readonly messages: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rssStartMb: number;
  readonly rssEndMb: number;
  readonly heapStartMb: number;
  readonly heapEndMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Issue 17: `messages` policy events put on the local bus (as the outbox relay puts them, in order, as the relay
 * publishes them) for one subscription on a loopback receiver; each becomes a stored, signed, logged message. Measured:
 * messages delivered per second, bus publish → receiver latency (p50/p99), and the process's memory before and
 * after. The relay's own lag (commit → bus, its 200 ms poll) is not in it: the latency section measures writes.
 */
export async function measureWebhooks(messages: number, progress: (line: string) => void, ratePerSecond?: number): Promise<WebhooksSection> {
  process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';
  const arrived = new Map<string, number>();
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrived.set(String(request.headers['webhook-id']), performance.now());
      response.writeHead(204).end();
    });
  });
  receiver.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-webhooks-'));
  const platform = await startPlatform({ dataDir, port: 0, demo: false, scheduler: false, operatorPassword: 'Bench-operator-2026' });
  try {
    const now = new Date();
    await webhooksRoot().subscriptions.create({
      id: 'benchsubscription00000000a',
      owner: { kind: 'tenant', tenantId: 'bench-tenant' },
      url: `http://127.0.0.1:${port}/hook`,
      eventTypes: ['underwriting.policy.*'],
      description: 'bench',
      enabled: true,
      fullPayload: false,
      secrets: [{ secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`, createdAt: now.toISOString() }],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    });
    global.gc?.();
    const start = process.memoryUsage();
    const sentAt = new Map<string, number>();
    const began = performance.now();
    for (let i = 0; i < messages; i += 10) {
      const batch: BusEvent[] = [];
      for (let j = i; j < Math.min(messages, i + 10); j += 1) {
        const id = `bench${String(j).padStart(21, '0')}`;
        batch.push({
          id,
          type: 'underwriting.policy.issued',
          version: 1,
          source: 'anze',
          time: new Date().toISOString(),
          tenantId: 'bench-tenant',
          aggregate: { type: 'policy', id: `p${j}` },
          sequence: 1,
          data: { policyId: `p${j}`, county: '140902', members: ['bench-tenant'] },
        });
        sentAt.set(`msg_${id}`, performance.now());
      }
      // As the bus hands each event to the webhooks subscriber (the relay publishes in order, one call at a time).
      for (const event of batch) await platform.webhooks.onEvent(event);
      // At an offered rate (BENCH_WEBHOOK_RATE) the latency is commit → delivery below saturation; without one the
      // events come as fast as the subscriber takes them, and the latency includes the backlog this makes.
      if (ratePerSecond) {
        const due = began + ((i + 10) * 1000) / ratePerSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      if (i % 5000 === 0) progress(`webhooks: ${i} of ${messages} events published, ${arrived.size} delivered`);
    }
    await platform.webhooks.idle();
    for (let waited = 0; arrived.size < messages && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - began) / 1000;
    const latencies = [...sentAt].map(([id, at]) => (arrived.get(id) ?? Number.POSITIVE_INFINITY) - at).sort((a, b) => a - b);
    const end = process.memoryUsage();
    return {
      messages: arrived.size,
      seconds,
      perSecond: Math.round(arrived.size / seconds),
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      rssStartMb: mb(start.rss),
      rssEndMb: mb(end.rss),
      heapStartMb: mb(start.heapUsed),
      heapEndMb: mb(end.heapUsed),
    };
  } finally {
    await platform.stop();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function webhooksTable(section: WebhooksSection): string {
  return [
    '| messages delivered | seconds | per second (goal ≥ 2,000) | bus → receiver p50 | p99 (goal < 1 s) | RSS start → end | heap start → end |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${section.messages} | ${section.seconds.toFixed(1)} | ${section.perSecond} | ${section.p50Ms} ms | ${section.p99Ms} ms | ${section.rssStartMb} → ${section.rssEndMb} MB | ${section.heapStartMb} → ${section.heapEndMb} MB |`,
  ].join('\n');
}

/** `tsx test/bench/webhooks.ts [messages]`: this section alone; BENCH_WEBHOOK_RATE=<events/s> offers a steady rate. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const messages = Number(process.argv[2] ?? process.env.BENCH_WEBHOOK_MESSAGES ?? 20_000);
  const rate = process.env.BENCH_WEBHOOK_RATE ? Number(process.env.BENCH_WEBHOOK_RATE) : undefined;
  measureWebhooks(messages, (line) => void process.stderr.write(`… ${line}\n`), rate).then(
    (section) => {
      console.log(`${WEBHOOKS_HEADING}\n\n${webhooksTable(section)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
