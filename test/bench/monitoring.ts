import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dynamoDbCalls, resetDynamoDbCalls } from '../../functions/adapters/dynamodb/client.js';
import { monitoringRoot } from '../../functions/http/monitoring/composition-root.js';
import { startPlatform } from '../../infra/local/platform.js';
import { RATE_LIMITS, scaleRateLimits } from '../../infra/rate-limits.js';
import { MONITORING_DEFAULTS } from '../../domain/monitoring/kinds.js';
import { minuteOf, SHARDS_PER_SOURCE, shardOf } from '../../domain/monitoring/readings.js';
import { readingItemOf } from '../../functions/adapters/dynamodb/monitoring.repository.js';

export const MONITORING_HEADING = '## Mine monitoring ingest through the local gateway (issue 19, MON-2)';

/** Batches of this many readings, as the issue asks. */
const BATCH = 500;
/** Sources (mines) the batches rotate over, each posting its sensors' next readings. */
const MINES = 8;
/** Sensors per mine in a batch, each with BATCH / SENSORS readings 10 s apart. */
const SENSORS = 100;
const PER_SENSOR = BATCH / SENSORS;
const CADENCE_MS = 10_000;

/** The paper model of issue 19: 1,000 mines, a reading per sensor per 10 s. */
export const MONITORING_SCALE = { mines: 1_000, sensorsPerMine: 100, readingEverySeconds: 10, postEverySeconds: 10 } as const;

export interface MonitoringSection {
  readonly readings: number;
  readonly batches: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly readingsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** DynamoDB write calls (TransactWriteItems, BatchWriteItem, PutItem, UpdateItem) per 25 readings. */
  readonly writeCallsPer25: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly statuses: Readonly<Record<string, number>>;
  /** Average size of a stored sensor-minute item, bytes (JSON of its attributes, a close proxy of DynamoDB's size). */
  readonly bucketBytes: number;
  readonly partitions: PartitionRates;
}

export interface PartitionRates {
  readonly readingsPerSecond: number;
  readonly partitionKeys: number;
  /** Writes per second to the busiest partition key (a shard's): each post rewrites its current minute. */
  readonly writesPerSecondPerKey: number;
  /** WCU per second of that key: item size in KB rounded up, ×2 for a transactional write. */
  readonly wcuPerKey: number;
  readonly tableWcu: number;
  /** DynamoDB splits a table into partitions of at most 1,000 WCU; at least this many carry the load. */
  readonly minPhysicalPartitions: number;
  /** The busiest mine's writes, all its sensors together (what one partition would take without sharding). */
  readonly busiestMineWcu: number;
}

const WRITE_OPERATIONS = ['TransactWriteItemsCommand', 'BatchWriteItemCommand', 'PutItemCommand', 'UpdateItemCommand'];

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * MON-2's key scheme on paper: SHARDS_PER_SOURCE partition keys per mine (`T#<t>#MONREAD#<source>#<shard>`, sensors hashed over
 * them), one item per minute holding its shard's readings, rewritten by each post that carries that minute. At
 * `postEverySeconds` a shard's key takes 1 / postEverySeconds writes a second of its minute item (`bucketBytes`,
 * measured: a full minute of the bench's shard).
 */
export function monitoringPartitionRates(scale: typeof MONITORING_SCALE, bucketBytes: number): PartitionRates {
  const writesPerSecondPerKey = 1 / scale.postEverySeconds;
  const wcuPerWrite = Math.ceil(bucketBytes / 1024) * 2;
  const wcuPerKey = writesPerSecondPerKey * wcuPerWrite;
  const partitionKeys = scale.mines * SHARDS_PER_SOURCE;
  const tableWcu = partitionKeys * wcuPerKey;
  return {
    readingsPerSecond: (scale.mines * scale.sensorsPerMine) / scale.readingEverySeconds,
    partitionKeys,
    writesPerSecondPerKey,
    wcuPerKey,
    tableWcu,
    minPhysicalPartitions: Math.ceil(tableWcu / 1000),
    busiestMineWcu: SHARDS_PER_SOURCE * wcuPerKey,
  };
}

/**
 * Issue 19: sustained ingest — `batches` posts of 500 readings (100 sensors × 5 readings 10 s apart) from 8 mines
 * in turn, `concurrency` at a time, through the local gateway into DynamoDB Local; readings per second, latency,
 * and the DynamoDB write calls the handler made per 25 readings.
 */
export async function measureMonitoring(batches: number, concurrency: number, progress: (line: string) => void): Promise<MonitoringSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-monitoring-'));
  const platform = await startPlatform({
    dataDir,
    port: 0,
    demo: false,
    scheduler: false,
    operatorPassword: 'Bench-operator-2026',
    rateLimits: scaleRateLimits(RATE_LIMITS, 1000),
  });
  try {
    const root = monitoringRoot();
    const keys: string[] = [];
    const { monitoring } = await root.forTenant('bench-tenant');
    for (let mine = 0; mine < MINES; mine += 1) {
      const issued = root.apiKeys.issue();
      await monitoring.createSource({
        id: `benchsource${String(mine).padStart(15, '0')}`,
        tenantId: 'bench-tenant',
        policyId: 'benchpolicy',
        uscc: `91140902MA0BENCH${String(mine).padStart(2, '0')}`,
        enterpriseName: `压测矿井${mine}`,
        name: 'bench',
        status: 'ACTIVE',
        keyPrefix: issued.keyPrefix,
        keyHash: issued.keyHash,
        thresholds: {},
        thresholdChanges: [],
        createdAt: new Date().toISOString(),
        createdBy: 'bench',
        version: 1,
      });
      keys.push(issued.apiKey);
    }
    // Readings from an hour ago onwards (none late by more than the window matters here; all below thresholds).
    const start = Date.now() - 3_600_000;
    const bodyOf = (batch: number): string => {
      const mine = batch % MINES;
      const round = Math.floor(batch / MINES);
      const readings = [];
      for (let sensor = 0; sensor < SENSORS; sensor += 1) {
        for (let n = 0; n < PER_SENSOR; n += 1) {
          const at = new Date(start + (round * PER_SENSOR + n) * CADENCE_MS).toISOString();
          readings.push({ sensorId: `ch4-${mine}-${sensor}`, kind: 'GAS_CH4', value: 0.1 + ((sensor + n) % 5) / 100, unit: '%', at });
        }
      }
      return JSON.stringify({ readings });
    };
    // The measured batches, then one warm-up batch per mine (later minutes, so never duplicates of the measured).
    const bodies = Array.from({ length: batches + MINES }, (_, batch) => bodyOf(batch));
    const post = (batch: number) =>
      fetch(`${platform.url}/api/v1/monitoring/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': keys[batch % MINES] as string },
        body: bodies[batch],
      });
    // Warm-up: one batch per mine (the function's first requests), not counted.
    for (let mine = 0; mine < MINES; mine += 1) await (await post(batches + mine)).text().catch(() => undefined);
    resetDynamoDbCalls();
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let accepted = 0;
    let next = 0;
    progress(`monitoring: ${batches} batches of ${BATCH} readings, ${concurrency} at a time`);
    const began = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches) {
          const batch = next;
          next += 1;
          const sent = performance.now();
          const response = await post(batch);
          const answer = (await response.json()) as { accepted?: number };
          latencies.push(performance.now() - sent);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          accepted += answer.accepted ?? 0;
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const calls = Object.fromEntries([...dynamoDbCalls()].map(([name, count]) => [name.replace(/Command$/, ''), count]));
    const writeCalls = [...dynamoDbCalls()].filter(([name]) => WRITE_OPERATIONS.includes(name)).reduce((sum, [, count]) => sum + count, 0);
    // One stored minute, as DynamoDB holds it (the adapter's item: its shard's sensors, 6 readings each).
    const [sample] = (await monitoring.readBuckets('bench-tenant', 'benchsource000000000000000', [{ shard: shardOf('ch4-0-0'), minute: minuteOf(start + 60_000) }])).values();
    const bucketBytes = sample
      ? Buffer.byteLength(JSON.stringify(readingItemOf('bench-tenant', 'benchsource000000000000000', sample, MONITORING_DEFAULTS.readingRetentionDays)))
      : 0;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      readings: accepted,
      batches,
      concurrency,
      seconds: Math.round(seconds * 10) / 10,
      readingsPerSecond: Math.round(accepted / seconds),
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(percentile(sorted, 99)),
      writeCallsPer25: accepted === 0 ? Number.NaN : Math.round(((writeCalls * 25) / accepted) * 1000) / 1000,
      calls,
      statuses,
      bucketBytes,
      partitions: monitoringPartitionRates(MONITORING_SCALE, bucketBytes),
    };
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function monitoringTables(section: MonitoringSection): string {
  const p = section.partitions;
  const fmt = (n: number, digits = 2) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(digits));
  return [
    '| Readings | Batches (500 each) | In flight | Seconds | Readings/s (goal ≥ 5,000) | p50 ms | p99 ms | Write calls per 25 readings (goal ≤ 1) | DynamoDB calls | Statuses |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    `| ${fmt(section.readings)} | ${section.batches} | ${section.concurrency} | ${section.seconds} | ${fmt(section.readingsPerSecond)} | ${section.p50Ms} | ${section.p99Ms} | ${fmt(section.writeCallsPer25, 3)} | ${Object.entries(section.calls).map(([name, count]) => `${name} ${count}`).join(', ')} | ${Object.entries(section.statuses).map(([status, count]) => `${status}×${count}`).join(', ')} |`,
    '',
    `Per-partition write rates on paper: ${fmt(MONITORING_SCALE.mines)} mines × ${MONITORING_SCALE.sensorsPerMine} sensors, a reading per sensor per ${MONITORING_SCALE.readingEverySeconds} s, each mine posting every ${MONITORING_SCALE.postEverySeconds} s; ${SHARDS_PER_SOURCE} partition keys per mine (sensors hashed over them), a stored shard-minute of ${section.bucketBytes} bytes as measured (transactional write: 2 WCU per KB).`,
    '',
    '| Readings/s | Partition keys | Writes/s per key | WCU/s per key (limit 1,000) | Busiest mine, all its keys | Table WCU/s | Physical partitions needed at least | Any partition > 1,000 WCU/s |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${fmt(p.readingsPerSecond)} | ${fmt(p.partitionKeys)} | ${fmt(p.writesPerSecondPerKey)} | ${fmt(p.wcuPerKey)} | ${fmt(p.busiestMineWcu)} | ${fmt(p.tableWcu)} | ${fmt(p.minPhysicalPartitions)} | ${p.wcuPerKey > 1000 || p.busiestMineWcu > 1000 ? '✗ yes' : '✓ no'} |`,
  ].join('\n');
}
