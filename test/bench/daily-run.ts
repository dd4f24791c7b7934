import '../../infra/local/local-env.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoDueItems, DynamoReminderMarkers } from '../../functions/adapters/dynamodb/reminder-markers.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { sweepReminders } from '../../functions/schedules/reminder-sweep.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/tables.js';
import { dueSet, fillerServices, onlyTenant } from '../support/due-set.js';
import { markdownTable, ms } from './table.js';

/**
 * Issue 16's acceptance: the daily run's DynamoDB reads grow with the items due, not with the table. The same due
 * set (test/support/due-set.ts: six items around National Day 2026) sits beside 1,000, 10,000 and 100,000 other
 * services — half of them later in the same due index, half archived — and the run of 2026-09-29 is counted, then
 * its rerun. Ratios, not timings, are the point: a shared machine's milliseconds vary. In-memory DynamoDB Local
 * of its own. `npx tsx test/bench/daily-run.ts` runs it alone.
 */

const SIZES = [1_000, 10_000, 100_000] as const;
const RUN_ON = '2026-09-29';

export interface DailyRunRow {
  readonly services: number;
  readonly run: Readonly<Record<string, number>>;
  readonly rerun: Readonly<Record<string, number>>;
  readonly raised: number;
  readonly runMs: number;
}

export interface DailyRunSection {
  readonly rows: readonly DailyRunRow[];
  readonly loadSeconds: number;
}

const progress = (line: string): void => void process.stderr.write(`… daily run  ${line}\n`);

export async function measureDailyRun(): Promise<DailyRunSection> {
  const dynamo = await startDynamoDbLocal({});
  try {
    const client = new DynamoDBClient(dynamoDbClientConfig({ ...process.env, ANZE_DYNAMODB_ENDPOINT: dynamo.endpoint }));
    const calls = new Map<string, number>();
    client.middlewareStack.add(
      (next, context) => (args) => {
        const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
        calls.set(operation, (calls.get(operation) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'countDailyRunCalls' },
    );
    const table = 'bench-daily-run';
    await ensureTable(client, MAIN_TABLE, table);
    const store = new Store(toDocumentClient(client), table, systemClock);
    const loadStarted = performance.now();
    for (const size of SIZES) {
      progress(`loading the due set beside ${size.toLocaleString('en')} services`);
      await store.putMany([...dueSet(`bench-${size}`), ...fillerServices(`bench-${size}`, size)], 8);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const sweep = (tenantId: string) =>
      sweepReminders(
        { platform: onlyTenant(tenantId), dueItems: new DynamoDueItems(store), markers: new DynamoReminderMarkers(store) },
        { runOn: RUN_ON, calendar: WorkingDayCalendar.builtin(), ruleSets: [XINZHOU_2024] },
      );
    const rows: DailyRunRow[] = [];
    for (const size of SIZES) {
      calls.clear();
      const started = performance.now();
      const raised = await sweep(`bench-${size}`);
      const runMs = performance.now() - started;
      const run = Object.fromEntries(calls);
      calls.clear();
      await sweep(`bench-${size}`);
      const rerun = Object.fromEntries(calls);
      const count = Object.values(raised).reduce((sum, kinds) => sum + Object.values(kinds ?? {}).reduce((a, b) => a + (b ?? 0), 0), 0);
      rows.push({ services: size, run, rerun, raised: count, runMs });
    }
    return { rows, loadSeconds };
  } finally {
    await dynamo.stop();
  }
}

const reads = (calls: Readonly<Record<string, number>>): number => (calls.Query ?? 0) + (calls.BatchGetItem ?? 0) + (calls.GetItem ?? 0) + (calls.Scan ?? 0);

export const DAILY_RUN_HEADING = '## The daily run (issue 16): DynamoDB calls beside 1,000, 10,000 and 100,000 services, the same due set';

export function dailyRunTable(section: DailyRunSection): string {
  const base = reads(section.rows[0]?.run ?? {});
  return [
    markdownTable(
      ['services in the table', 'run: Query', 'run: BatchGetItem', 'run: TransactWriteItems', 'reminders raised', 'reads vs 1,000', 'rerun: reads', 'rerun: writes', 'run ms'],
      section.rows.map((row) => [
        row.services.toLocaleString('en'),
        String(row.run.Query ?? 0),
        String(row.run.BatchGetItem ?? 0),
        String(row.run.TransactWriteItems ?? 0),
        String(row.raised),
        `${(reads(row.run) / base).toFixed(2)}×`,
        String(reads(row.rerun)),
        String(row.rerun.TransactWriteItems ?? 0),
        ms(row.runMs),
      ]),
      [1, 2, 3, 4, 6, 7, 8],
    ),
    `The run of ${RUN_ON} reads each due index up to 3 working days ahead (National Day in between) and no further; a rerun ` +
      `reads the same and writes nothing. Loaded in ${section.loadSeconds.toFixed(1)} s into DynamoDB Local in memory.`,
  ].join('\n\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureDailyRun().then(
    (section) => {
      process.stdout.write(`${DAILY_RUN_HEADING}\n\n${dailyRunTable(section)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`daily-run bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
