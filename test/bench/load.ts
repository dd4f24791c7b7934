import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from 'autocannon';
import { addDays } from '../../domain/kernel/calendar/local-date.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { REPO_ROOT } from '../../infra/local/platform.js';
import { ApiClient } from '../support/api-client.js';
import { tenantBody, unique, validUscc } from '../support/fixtures.js';
import { signInWithTotp } from '../support/totp-sign-in.js';
import { fileQualification, policyBody, today } from '../support/underwriting-fixtures.js';
import { benchCityEmb } from './city-emb.js';
import type { LoadPlan, LoadUser, StepFailures, StepLatency } from './load-client.js';
import { measureMemory } from './memory.js';
import { markdownTable, mib, ms } from './table.js';

export const LOAD_USERS = 50;
/**
 * The insurers the users work for, 10 staff each: a city's market is a dozen insurers, not one with 50 staff
 * booking at the same instant. Each insurer-year numbers its ledger entries, services and policies from one
 * counter (FEE-2, SVC-5, UW-1), so the users of one insurer queue on it (until-booked.ts, numbered.ts).
 */
export const LOAD_INSURERS = 5;
/** UW-9: the enterprises each simulated user issues to in turn (its own, registered in setup), before it renews the first for the next period. */
export const ENTERPRISES_PER_USER = 8;
/** One-year periods prepared per enterprise: 8 × 25 = 200 policies per user, many times what one makes in 60 s on 2 cores. */
const PERIODS = 25;

/** What a step is, for the mix table: the console's lists and gets, and its writes (issue 20). */
export type LoadKind = 'list' | 'get' | 'issue policy' | 'service plan' | 'schedule service' | 'premium receipt' | 'expense' | 'edit user';

export interface LoadStep {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly what: LoadKind;
  /** The id the answer carries, kept for this user's next steps (`{policy}`, `{service}`). */
  readonly capture?: 'policy' | 'service';
}

export interface LoadSection {
  readonly connections: number;
  readonly seconds: number;
  readonly mix: readonly LoadStep[];
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  /** By the step's index in `mix`: its non-2xx answers (none, when the goal of 0 errors is met). */
  readonly failures: Readonly<Record<number, StepFailures>>;
  /** By the step's index in `mix`: answers counted and their latency (from writing the request to its answer). */
  readonly steps: readonly StepLatency[];
  readonly peakNodeRssBytes: number;
  readonly peakDynamoDbRssBytes?: number;
}

/** The enterprises of the load: coal mines, each with the staff its policy covers (UW-4: the whole workforce). */
const STAFF = 120;

/** SVC-1, SVC-4: a coal mine's plan as the console agrees it (the risk assessments and inspections the notice asks for). */
const planLine = (type: string, count: number, deep = false) => ({ type, deep, count, items: ['主要危险源'], measures: '现场检查', provider: { kind: 'OWN' }, personnel: ['张工'] });
const SERVICE_PLAN = {
  goals: '消除重大隐患',
  support: '企业提供资料与陪同',
  basis: '近三年无死亡事故',
  agreedBy: '李矿长',
  agreedOn: today,
  items: [planLine('RISK_ASSESSMENT', 2), planLine('HAZARD_INSPECTION', 2), planLine('HAZARD_INSPECTION', 1, true)],
};

/**
 * The console's calls an insurer's office makes all day, one cycle per simulated user (connection), each user on
 * data of its own so that no two collide:
 * - its lists (users, and the lists of the other contexts the bench found the administrator answered 200:
 *   `extraLists`) and gets;
 * - issuing a policy (UW-1..10) to one of its own enterprises — a typed number of its own, the period after the
 *   last one it issued that enterprise, so UW-9 (no overlap) never refuses — and reading it back;
 * - the insurer's service steps on that policy: agreeing its plan (SVC-4, archived write-once, SVC-10) and
 *   scheduling a risk assessment (SVC-5), then reading the service (the enterprise's confirmations are the
 *   enterprise's, SVC-9, and not in an insurer's mix);
 * - fee entries (FEE-2): the policy's premium receipt, which accrues the prevention fee (FEE-1), and an expense
 *   for the service just scheduled (FEE-3's offline service), far below what the receipt accrued;
 * - the PATCH of its own staff record (the optimistic lock never makes two users collide).
 * Every booking takes the insurer-year's next ledger number; concurrent ones retry their round (until-booked.ts).
 */
export function loadMix(extraLists: readonly string[]): LoadStep[] {
  return [
    { method: 'GET', path: '/users?limit=20', what: 'list' },
    { method: 'GET', path: '/users/{user}', what: 'get' },
    ...extraLists.map((path): LoadStep => ({ method: 'GET', path, what: 'list' })),
    {
      method: 'POST',
      path: '/policies',
      body: policyBody({ enterpriseUscc: '{enterprise}', employeesCovered: STAFF, policyNumber: 'LOAD-{user}-{round}', periodStart: '{periodStart}', periodEnd: '{periodEnd}' }),
      what: 'issue policy',
      capture: 'policy',
    },
    { method: 'GET', path: '/policies/{policy}', what: 'get' },
    { method: 'PUT', path: '/policies/{policy}/service-plan', body: SERVICE_PLAN, what: 'service plan' },
    {
      method: 'POST',
      path: '/services',
      body: { policyId: '{policy}', type: 'RISK_ASSESSMENT', scheduledAt: '{scheduledAt}', provider: { kind: 'OWN' }, expertIds: [], plannedItems: ['主要危险源辨识', '风险分级管控'], plannedMeasures: '现场查看与资料核查' },
      what: 'schedule service',
      capture: 'service',
    },
    { method: 'GET', path: '/services/{service}', what: 'get' },
    { method: 'POST', path: '/fees/premium-receipts', body: { policyId: '{policy}', receivedOn: today, amountFen: 100_000 }, what: 'premium receipt' },
    { method: 'POST', path: '/fees/expenses', body: { spentOn: today, category: 'OFFLINE_SERVICE', amountFen: 100, description: '风险评估现场费用', serviceId: '{service}' }, what: 'expense' },
    { method: 'GET', path: '/users/{user}', what: 'get' },
    { method: 'PATCH', path: '/users/{user}', body: { displayName: '负载测试{round}' }, what: 'edit user' },
  ];
}

/** UW-9: one-year periods end to end from today, so a user renewing an enterprise never overlaps its last policy. */
export function periodsFromToday(count: number): { start: string; end: string }[] {
  const periods: { start: string; end: string }[] = [];
  let start = today;
  for (let i = 0; i < count; i += 1) {
    const end = oneYearPeriodEnd(start);
    periods.push({ start, end });
    start = addDays(end, 1);
  }
  return periods;
}

async function signedIn(url: string, username: string, password: string): Promise<ApiClient> {
  const response = await signInWithTotp(url, username, password);
  if (response.status !== 200) throw new Error(`load: sign-in of ${username} answered ${response.status}`);
  return new ApiClient(url, response.body.accessToken as string);
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

/**
 * 50 simulated users (staff records made here, one per connection) for `seconds` through the local gateway, with
 * autocannon in a child process (load-client.ts) so the load generator does not share the platform's event loop.
 * Setup: {@link LOAD_INSURERS} insurers (the administrator's and ones onboarded here) file their qualification
 * (UW-8 eligibility), the city EMB registers {@link ENTERPRISES_PER_USER} enterprises per user (REG-1). The platform's process (Node) and DynamoDB Local are
 * sampled every second for their resident memory.
 */
export async function measureLoad(
  url: string,
  admin: ApiClient,
  operatorPassword: string,
  dynamoDbPid: number | undefined,
  extraLists: readonly string[],
  seconds: number,
  progress: (line: string) => void,
): Promise<LoadSection> {
  progress(`load: ${LOAD_INSURERS} insurers file their qualification; the city EMB registers ${LOAD_USERS * ENTERPRISES_PER_USER} enterprises`);
  const cityEmb = await benchCityEmb(url, operatorPassword);
  const operator = await signedIn(url, 'operator', operatorPassword);
  const insurers: ApiClient[] = [admin];
  for (let i = 1; i < LOAD_INSURERS; i += 1) {
    const login = { username: unique(`load-adm${i}-`), password: 'Load-admin-2026', displayName: '负载测试管理员' };
    const onboarded = await operator.post('/platform/tenants', tenantBody(`Load${i}`, { admin: login }));
    if (onboarded.status !== 201) throw new Error(`load: onboarding an insurer answered ${onboarded.status}: ${JSON.stringify(onboarded.body).slice(0, 300)}`);
    insurers.push(await signedIn(url, login.username, login.password));
  }
  for (const insurer of insurers) {
    const filed = await fileQualification(insurer, cityEmb);
    const eligible = (filed.body as { eligibility?: { eligible?: boolean } }).eligibility?.eligible;
    if (filed.status !== 200 || eligible !== true) throw new Error(`load: the qualification answered ${filed.status}: ${JSON.stringify(filed.body).slice(0, 300)}`);
  }
  const enterprises = Array.from({ length: LOAD_USERS * ENTERPRISES_PER_USER }, () => validUscc());
  await inParallel(enterprises, 4, async (uscc) => {
    const added = await cityEmb.post('/regulator/enterprises', { uscc, name: `负载测试煤业${uscc.slice(-6)}有限公司`, industry: 'COAL_MINE', county: '140902', staff: STAFF, revenueWan: 1_000 });
    if (added.status !== 201 && added.status !== 200) throw new Error(`load: registering an enterprise answered ${added.status}: ${JSON.stringify(added.body).slice(0, 300)}`);
  });

  progress(`load: making ${LOAD_USERS} staff users (one scrypt hash each)`);
  const users: LoadUser[] = [];
  for (let i = 0; i < LOAD_USERS; i += 1) {
    // The users of an insurer call with its administrator's token (they edit their own staff record).
    const insurer = insurers[i % LOAD_INSURERS]!;
    const made = await insurer.post<{ id: string }>('/users', {
      username: `load-${Date.now().toString(36)}-${i}`,
      password: 'Load-pass-2026',
      role: 'insurer-staff',
      displayName: '负载测试员',
    });
    if (made.status !== 201) throw new Error(`load: adding a user answered ${made.status}`);
    users.push({ user: made.body.id, token: insurer.token ?? '', enterprises: enterprises.slice(i * ENTERPRISES_PER_USER, (i + 1) * ENTERPRISES_PER_USER) });
  }
  const mix = loadMix(extraLists);
  progress(`load: ${LOAD_USERS} connections for ${seconds} s, ${mix.length} requests a cycle`);
  let peakNode = 0;
  let peakDynamo = 0;
  const sample = () => {
    const memory = measureMemory(dynamoDbPid);
    peakNode = Math.max(peakNode, memory.node.rssBytes);
    peakDynamo = Math.max(peakDynamo, memory.dynamoDb?.rssBytes ?? 0);
  };
  const sampler = setInterval(sample, 1000);
  const plan: LoadPlan = {
    url,
    connections: LOAD_USERS,
    seconds,
    mix: mix.map(({ what: _what, ...step }) => step),
    users,
    periods: periodsFromToday(PERIODS),
  };
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'test/bench/load-client.ts')], {
        env: { ...process.env, BENCH_LOAD: JSON.stringify(plan) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`load client failed (${code}): ${stderr.slice(0, 600)}`))));
    });
    sample();
    const line = output.split('\n').find((text) => text.startsWith('RESULT '));
    if (!line) throw new Error('load client printed no result');
    const result = JSON.parse(line.slice('RESULT '.length)) as Result & { failures: Record<number, StepFailures>; steps: StepLatency[] };
    return {
      connections: LOAD_USERS,
      seconds,
      mix,
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
      failures: result.failures,
      steps: result.steps,
      peakNodeRssBytes: peakNode,
      ...(dynamoDbPid === undefined ? {} : { peakDynamoDbRssBytes: peakDynamo }),
    };
  } finally {
    clearInterval(sampler);
  }
}

export function loadTables(section: LoadSection): string {
  const share = (count: number) => `${((100 * count) / section.mix.length).toFixed(1)} %`;
  const mix = markdownTable(
    ['#', 'call (per simulated user, in turn)', 'what', 'share of requests', 'answers', 'p50 ms', 'p99 ms'],
    section.mix.map((step, index) => {
      const measured = section.steps[index];
      return [String(index + 1), `${step.method} ${step.path}`, step.what, share(1), String(measured?.count ?? 0), ms(measured?.p50Ms ?? 0), ms(measured?.p99Ms ?? 0)];
    }),
    [0, 3, 4, 5, 6],
  );
  const kinds = [...new Set(section.mix.map((step) => step.what))];
  const byKind = markdownTable(
    ['what', 'calls a cycle', 'share of requests'],
    kinds.map((kind) => {
      const count = section.mix.filter((step) => step.what === kind).length;
      return [kind, String(count), share(count)];
    }),
    [1, 2],
  );
  const figures = markdownTable(
    ['users (connections)', 'seconds', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'errors + timeouts', 'non-2xx', 'peak Node RSS MB', 'peak DynamoDB Local RSS MB'],
    [
      [
        String(section.connections),
        String(section.seconds),
        String(section.total),
        section.requestsPerSecond.toFixed(0),
        ms(section.p50Ms),
        ms(section.p99Ms),
        String(section.errors + section.timeouts),
        String(section.non2xx),
        mib(section.peakNodeRssBytes),
        section.peakDynamoDbRssBytes === undefined ? '–' : mib(section.peakDynamoDbRssBytes),
      ],
    ],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  const failed = Object.entries(section.failures).map(([index, failure]) => {
    const step = section.mix[Number(index)];
    return `- step ${Number(index) + 1} (${step?.method} ${step?.path}): ${failure.count} × ${Object.entries(failure.statuses).map(([status, count]) => `${status} × ${count}`).join(', ')}; the first: ${failure.first}`;
  });
  const statuses = `Status codes: ${Object.entries(section.statusCodes).map(([code, count]) => `${code} × ${count}`).join(', ')}`;
  return [mix, byKind, figures, statuses, ...(failed.length === 0 ? [] : [`Non-2xx answers by step:\n${failed.join('\n')}`])].join('\n\n');
}
