import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  /** Issue 17 (memory run): the highest RSS sampled (every 250 ms) while the messages went through. */
  readonly rssPeakMb: number;
  /** RSS growth per 10,000 messages over the run's second half (after warm-up): ≈ 0 is flat. */
  readonly rssGrowthMbPer10k: number;
  /** With `node --expose-gc`: heap used right after a full GC at each tenth of the messages delivered (MB). */
  readonly heapAfterGcMb?: readonly number[];
  /** CPU (user + system) of this process per message delivered: receiver, sender, signing, the SDK's writes. */
  readonly cpuMsPerMessage: number;
  /** CPU of DynamoDB Local (the JVM) per message, when this run started it. */
  readonly dynamoDbCpuMsPerMessage?: number;
  /** The steady rate events were offered at (BENCH_WEBHOOK_RATE); absent: as fast as the subscriber took them. */
  readonly offeredPerSecond?: number;
}

/** CPU seconds (user + system) of a process and its descendants, from /proc (Linux); undefined elsewhere. */
function treeCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const cpu = (of: number): number => {
    const stat = read(`/proc/${of}/stat`);
    if (!stat) return 0;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / 100;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${of}/task`);
    } catch {
      tasks = [];
    }
    const children = tasks.flatMap((task) => (read(`/proc/${of}/task/${task}/children`) ?? '').split(/\s+/).filter(Boolean).map(Number));
    return own + children.reduce((sum, child) => sum + cpu(child), 0);
  };
  return read(`/proc/${pid}/stat`) === undefined ? undefined : cpu(pid);
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Issue 17: `messages` policy events put on the local bus (as the outbox relay puts them, in order, as the relay
 * publishes them) for one subscription on a loopback receiver; each becomes a stored, signed, logged message. Measured:
 * messages delivered per second, bus publish → receiver latency (p50/p99), and the process's memory before and
 * after. The relay's own lag (commit → bus, its 200 ms poll) is not in it: the latency section measures writes.
 */
export async function measureWebhooks(
  messages: number,
  progress: (line: string) => void,
  ratePerSecond: number | undefined = process.env.BENCH_WEBHOOK_RATE ? Number(process.env.BENCH_WEBHOOK_RATE) : undefined,
): Promise<WebhooksSection> {
  process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';
  // When each message first arrived, by its number (webhook-id msg_bench<number>): flat bookkeeping for 100,000.
  const arrivedAt = new Float64Array(messages).fill(Number.NaN);
  const arrived = { size: 0 };
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const number = Number(String(request.headers['webhook-id']).slice('msg_bench'.length));
      if (Number.isInteger(number) && number < messages && Number.isNaN(arrivedAt[number])) {
        arrivedAt[number] = performance.now();
        arrived.size += 1;
      }
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
    // The platform compresses the console's assets in the background at start (brotli and gzip, level 9): wait
    // until this process is quiet (under 10 % of a core for a second, at most 60 s) so the run measures deliveries.
    for (let waited = 0; waited < 60_000; waited += 1000) {
      const before = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const used = process.cpuUsage(before);
      if ((used.user + used.system) / 1000 < 100) break;
    }
    global.gc?.();
    const start = process.memoryUsage();
    // Latencies in a typed array and arrival by message number: the bench's own bookkeeping stays flat too.
    const sentAt = new Float64Array(messages);
    let rssPeak = start.rss;
    const rssSamples: { delivered: number; rss: number }[] = [];
    const heapAfterGc: number[] = [];
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      rssPeak = Math.max(rssPeak, rss);
      rssSamples.push({ delivered: arrived.size, rss });
      // Flat = what is live after a full collection does not grow with the messages gone through.
      if (global.gc && arrived.size >= ((heapAfterGc.length + 1) * messages) / 10) {
        global.gc();
        heapAfterGc.push(mb(process.memoryUsage().heapUsed));
      }
    }, 250);
    const cpuStart = process.cpuUsage();
    const dynamoCpuStart = treeCpuSeconds(platform.dynamoDbPid);
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
        sentAt[j] = performance.now();
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
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuStart);
    const dynamoCpuEnd = treeCpuSeconds(platform.dynamoDbPid);
    const latencies = Array.from(sentAt, (at, j) => (Number.isNaN(arrivedAt[j]) ? Number.POSITIVE_INFINITY : (arrivedAt[j] as number)) - at).sort((a, b) => a - b);
    const end = process.memoryUsage();
    // Least squares of RSS on messages delivered over the second half of the run.
    const half = rssSamples.slice(Math.floor(rssSamples.length / 2));
    const meanX = half.reduce((sum, sample) => sum + sample.delivered, 0) / Math.max(1, half.length);
    const meanY = half.reduce((sum, sample) => sum + sample.rss, 0) / Math.max(1, half.length);
    const sxx = half.reduce((sum, sample) => sum + (sample.delivered - meanX) ** 2, 0);
    const slope = sxx > 0 ? half.reduce((sum, sample) => sum + (sample.delivered - meanX) * (sample.rss - meanY), 0) / sxx : 0;
    const delivered = Math.max(1, arrived.size);
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
      rssPeakMb: mb(rssPeak),
      ...(heapAfterGc.length > 0 ? { heapAfterGcMb: heapAfterGc } : {}),
      rssGrowthMbPer10k: Math.round((slope * 10_000 * 10) / 1024 / 1024) / 10,
      cpuMsPerMessage: Math.round(((cpu.user + cpu.system) / 1000 / delivered) * 100) / 100,
      ...(dynamoCpuStart !== undefined && dynamoCpuEnd !== undefined
        ? { dynamoDbCpuMsPerMessage: Math.round((((dynamoCpuEnd - dynamoCpuStart) * 1000) / delivered) * 100) / 100 }
        : {}),
      ...(ratePerSecond ? { offeredPerSecond: ratePerSecond } : {}),
    };
  } finally {
    await platform.stop();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function webhooksTable(section: WebhooksSection): string {
  return [
    '| messages delivered | offered /s | seconds | per second (goal ≥ 2,000) | bus → receiver p50 | p99 (goal < 1 s) | RSS start → end (peak) | RSS growth / 10k msgs | heap start → end | CPU ms/msg Node · DynamoDB Local |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${section.messages} | ${section.offeredPerSecond ?? 'all at once'} | ${section.seconds.toFixed(1)} | ${section.perSecond} | ${section.p50Ms} ms | ${section.p99Ms} ms | ${section.rssStartMb} → ${section.rssEndMb} MB (${section.rssPeakMb}) | ${section.rssGrowthMbPer10k} MB | ${section.heapStartMb} → ${section.heapEndMb} MB | ${section.cpuMsPerMessage} · ${section.dynamoDbCpuMsPerMessage ?? '–'} |`,
    ...(section.heapAfterGcMb ? ['', `Heap used after a full GC at each tenth of the messages (MB): ${section.heapAfterGcMb.join(' · ')}`] : []),
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
