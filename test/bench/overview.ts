// First, so Powertools is quiet before any handler module is evaluated (as in `npm start`).
import '../../infra/local/local-env.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { XINZHOU_AREAS } from '../../domain/kernel/area.js';
import { INDUSTRIES } from '../../domain/kernel/industry.js';
import { addContribution, policyContribution, serviceContribution } from '../../domain/supervision/counters.js';
import type { Contribution } from '../../domain/supervision/counters.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { sharedDynamoDb } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { DynamoSupervisionCounters } from '../../functions/adapters/dynamodb/supervision-counters.repository.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { REPO_ROOT, startPlatform } from '../../infra/local/platform.js';
import { RATE_LIMITS, scaleRateLimits } from '../../infra/rate-limits.js';
import { ApiClient } from '../support/api-client.js';
import { tenantBody } from '../support/fixtures.js';
import { benchCityEmb } from './city-emb.js';
import { callsPerRequest, describeCalls, resetCalls, type CallsPerRequest } from './dynamodb-calls.js';
import { median } from './stats.js';
import { markdownTable, ms } from './table.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * Issue 14's acceptance: `GET /regulator/overview` costs the same DynamoDB reads with 10 policies as with
 * 100,000. In a process of its own with DynamoDB Local in memory (as the fee bench, fees-summary.ts).
 *
 * The counters' sources are seeded cheaply: each synthetic policy (and one completed service on it) gets the
 * contribution the projection would compute today (`policyContribution`, `serviceContribution`); the policies'
 * subject items are stored in bulk (BatchWriteItem: 100,000 items in the partitions the overview never reads), and
 * the cells get the sum in one transaction per step — what the projection would have added event by event. The HTTP path of the events is the integration test's subject
 * (test/integration/supervision-overview.test.ts).
 */

const OPERATOR_PASSWORD = 'Bench-overview-operator-2026';
const STEPS = [10, 100_000] as const;
const RUNS = 25;
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

export interface OverviewRun {
  readonly policies: number;
  readonly calls: CallsPerRequest;
  readonly p50Ms: number;
}

export interface OverviewSection {
  readonly runs: readonly OverviewRun[];
  readonly loadSeconds: number;
  readonly seconds: number;
}

const progress = (line: string): void => void process.stderr.write(`… overview  ${line}\n`);

const MANDATORY = INDUSTRIES.filter((industry) => ['COAL_MINE', 'NON_COAL_MINE', 'HAZCHEM', 'FIREWORKS', 'METAL_SMELTING'].includes(industry));

/** Policy `n`'s and its service's contributions: spread over insurers, counties, industries and days of the year. */
function contributionsOf(n: number, tenantIds: readonly string[]): { policy: Contribution; service: Contribution } {
  const tenantId = tenantIds[n % tenantIds.length] as string;
  const county = XINZHOU_AREAS[n % XINZHOU_AREAS.length]?.code as string;
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const enterprise = { county, industry: MANDATORY[n % MANDATORY.length], size: 'MEDIUM' } as never;
  const done = n % 3 === 0 ? 1 : 0;
  const policy = policyContribution(
    { tenantId, enterprise, periodStart: `${YEAR}-${month}-${day}`, periodEnd: `${YEAR + 1}-${month}-${day}` },
    { requirements: [{ key: 'FIRST_SERVICE', rule: 'SVC-2', required: 1, done, open: 1 - done, status: 'OPEN', dueBy: `${YEAR}-${month}-${day}`, daysLeft: 0 }] as never },
    TODAY,
  ).contribution;
  const due = { dueOn: `${YEAR}-${month}-${day}`, provisional: false };
  const service = serviceContribution({
    tenantId,
    enterprise,
    status: n % 4 === 0 ? 'COMPLETED' : 'ARCHIVED',
    deadlines: { followUp: due, archive: due },
    ...(n % 4 === 0 ? {} : { followUp: { late: n % 5 === 0 } as never, archive: { late: n % 7 === 0 } as never }),
  } as never, TODAY).contribution;
  return { policy, service };
}

async function seed(counters: DynamoSupervisionCounters, store: Store, tenantIds: readonly string[], from: number, to: number): Promise<void> {
  let cells: Contribution = {};
  const subjects: Record<string, unknown>[] = [];
  for (let n = from; n < to; n += 1) {
    const { policy, service } = contributionsOf(n, tenantIds);
    const tenantId = tenantIds[n % tenantIds.length] as string;
    cells = addContribution(addContribution(cells, policy), service);
    subjects.push({ ...keys.supervisionSubject('policy', tenantId, `bench-p${n}`), kind: 'SUPERVISION_SUBJECT', subject: { kind: 'policy', tenantId, id: `bench-p${n}` }, contribution: policy, version: 1 });
  }
  await store.putMany(subjects as never, 8);
  await counters.apply({ kind: 'policy', tenantId: tenantIds[0] as string, id: `bench-sum-${from}-${to}` }, undefined, {}, cells);
}

export async function measureOverview(): Promise<OverviewSection> {
  const startedAt = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-overview-'));
  progress('starting DynamoDB Local (in memory) and the platform');
  const dynamo = await startDynamoDbLocal({});
  const platform = await startPlatform({
    dataDir,
    port: 0,
    rateLimits: scaleRateLimits(RATE_LIMITS, 1000),
    dynamoDbEndpoint: dynamo.endpoint,
    demo: false,
    scheduler: false,
    operatorPassword: OPERATOR_PASSWORD,
  });
  try {
    const anonymous = new ApiClient(platform.url);
    const login = await signInWithTotp(platform.url, 'operator', OPERATOR_PASSWORD);
    const operator = anonymous.withToken(login.body.accessToken as string);
    const tenantIds: string[] = [];
    for (const label of ['OvA', 'OvB', 'OvC']) {
      const onboarded = await operator.post<{ id: string }>('/platform/tenants', tenantBody(label));
      if (onboarded.status !== 201) throw new Error(`onboarding answered ${onboarded.status}`);
      tenantIds.push(onboarded.body.id);
    }
    const cityEmb = await benchCityEmb(platform.url, OPERATOR_PASSWORD);
    await platform.relay.stop();
    const store = new Store(sharedDynamoDb().doc, platform.tables.main, systemClock);
    const counters = new DynamoSupervisionCounters(store);
    const runs: OverviewRun[] = [];
    let seeded = 0;
    let loadSeconds = 0;
    for (const policies of STEPS) {
      progress(`seeding the counters of ${policies.toLocaleString('en')} policies`);
      const loading = performance.now();
      await seed(counters, store, tenantIds, seeded, policies);
      loadSeconds += (performance.now() - loading) / 1000;
      seeded = policies;
      for (let warmUp = 0; warmUp < 5; warmUp += 1) await cityEmb.get(`/regulator/overview?year=${YEAR}`);
      const times: number[] = [];
      let calls: CallsPerRequest = {};
      for (let run = 0; run < RUNS; run += 1) {
        resetCalls();
        const started = performance.now();
        const answer = await cityEmb.get<{ totals: { obligations: { required: number } } }>(`/regulator/overview?year=${YEAR}`);
        times.push(performance.now() - started);
        if (answer.status !== 200 || answer.body.totals.obligations.required !== policies) throw new Error(`the overview answered ${answer.status} with ${JSON.stringify(answer.body).slice(0, 200)}`);
        calls = callsPerRequest(1);
      }
      runs.push({ policies, calls, p50Ms: median(times) });
    }
    return { runs, loadSeconds, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    await platform.stop();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function overviewTables(section: OverviewSection): string {
  const table = markdownTable(
    ['policies (+ one service each)', 'GET /regulator/overview (city EMB): DynamoDB calls', `p50 ms (${RUNS} runs)`],
    section.runs.map((run) => [run.policies.toLocaleString('en'), describeCalls(run.calls), ms(run.p50Ms)]),
    [0, 2],
  );
  const same = new Set(section.runs.map((run) => describeCalls(run.calls))).size === 1;
  return [
    table,
    `${same ? '✓' : '✗'} the same reads for ${section.runs.map((run) => run.policies.toLocaleString('en')).join(' and ')} policies: one Query of the year's counter cells, one Query of the register's counts per county, the insurers' list. ` +
      `Counters seeded in ${section.loadSeconds.toFixed(1)} s; whole section ${section.seconds.toFixed(0)} s.`,
  ].join('\n\n');
}

/** For run.ts: this section in a child process (its own DynamoDB Local in memory), its result as JSON on stdout. */
export function runOverviewInChild(): OverviewSection {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the overview bench failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as OverviewSection;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureOverview().then(
    (section) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(section)}\n` : `## Supervision overview (issue 14) at 10 and 100,000 policies\n\n${overviewTables(section)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`overview bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
