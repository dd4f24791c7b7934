import '../../infra/local/local-env.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, startPlatform } from '../../infra/local/platform.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { RATE_LIMITS, scaleRateLimits } from '../../infra/rate-limits.js';
import { beyondReferenceTable, biggestBundleTables, bundleTable, bundlingDrift, buildBundles } from './bundles.js';
import { coldImportTable, measureColdImports } from './cold-import.js';
import { FIRST_VISIT_HEADING, firstVisitTables, measureFirstVisitSection } from './first-visit.js';
import { callsTable, fixedCostTable, latencyNotes, latencyTable } from './latency-report.js';
import { measureLatency, type LatencySection } from './latency.js';
import { measureMemory, memoryTable, type MemorySection } from './memory.js';
import { feeSummaryTables, runFeeSummaryInChild } from './fees-summary.js';
import { overviewTables, runOverviewInChild } from './overview.js';
import { benchScenario } from './operations.js';
import { measureObligationsEngine, OBLIGATIONS_ENGINE_HEADING, obligationsEngineTable } from './obligations-engine.js';
import { DAILY_RUN_HEADING, dailyRunTable, measureDailyRun } from './daily-run.js';
import { measureRegisterImport, registerImportTable, type RegisterImportSection } from './register-import.js';
import { measureServicesLifecycle, servicesLifecycleTable, type ServicesLifecycleSection } from './services-lifecycle.js';
import type { Repetitions } from './stats.js';
import { verdicts, verdictTable } from './summary.js';
import { measureWebhooks, WEBHOOKS_HEADING, webhooksTable } from './webhooks.js';
import { measureMonitoring, MONITORING_HEADING, monitoringTables } from './monitoring.js';
import { discoverEvents, EventTap, type CapturedEvent } from './captured-events.js';
import { coldStartTable, measureColdStarts, type ColdStartSection } from './cold-start.js';
import { costModel, costTable, NATIONAL_PER_INSURER, XINZHOU } from './cost-model.js';
import { goalsOf, goalsTable, type GoalInputs } from './goals.js';
import { loadTables, measureLoad, type LoadSection } from './load.js';
import { BUSIEST_DAY, DEFAULT_CALLS, NATIONAL, nationalScaleTable, partitionRates, type CallsPerOperation } from './national-scale.js';
import { buildReferenceBundle, type ReferenceBundle } from './reference-bundle.js';
import { measureWarmPath, warmPathTable, type WarmPathSection } from './warm-path.js';
import type { BundleResult } from './bundles.js';

/**
 * `npm run bench`: latency through the local gateway against the bare DynamoDB calls, DynamoDB calls per
 * request, bundle sizes, cold imports and memory, printed as Markdown (stdout) and saved raw to
 * `.bench/results.json`. Progress goes to stderr, so stdout can be pasted as it is. See README.md.
 *
 * Environment: BENCH_RUNS (timed requests per operation, default 200), BENCH_WARMUP (default 30),
 * BENCH_COLD_RUNS (fresh processes per bundle, default 15), BENCH_FIRST_VISITS (cold visits of the sign-in page, default 10),
 * BENCH_WEBHOOK_MESSAGES (webhook messages to a loopback receiver, default 1,000; 100000 for the memory run),
 * BENCH_LOAD_SECONDS (the load section's duration, default 60).
 *
 * `--only <section>[,<section>…]` (or BENCH_ONLY) runs those sections alone; `--list` names them. The goals of
 * issue 20 that the run measured go to `test-results/bench.json` (goals.ts) whatever ran.
 */
const OPERATOR_PASSWORD = 'Bench-operator-2026';
const BENCH_DIR = join(REPO_ROOT, '.bench');
const startedAt = performance.now();

const count = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

const progress = (line: string): void =>
  void process.stderr.write(`… ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s  ${line}\n`);
const print = (...blocks: string[]): void => console.log(`${blocks.join('\n\n')}\n`);

/**
 * A section that cannot measure (a request answers an unexpected status) is reported and the run goes on, so one
 * broken section does not take every other figure with it; the run still exits 1 at the end.
 */
const failures: { section: string; error: string }[] = [];
async function attempt<T>(section: string, measure: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ section, error: message });
    progress(`⚠ ${section} failed: ${message.slice(0, 300)}`);
    return undefined;
  }
}

/** Sections, in the order a whole run takes them; `--only` picks some. */
export const SECTIONS = [
  'bundles',
  'latency',
  'warm-path',
  'cold-start',
  'load',
  'register-import',
  'services-lifecycle',
  'fees-summary',
  'overview',
  'obligations-engine',
  'daily-run',
  'webhooks',
  'monitoring',
  'cold-import',
  'first-visit',
  'national-scale',
  'cost-model',
] as const;
export type Section = (typeof SECTIONS)[number];

function selectedSections(argv: readonly string[], env: NodeJS.ProcessEnv): ReadonlySet<Section> {
  const at = argv.indexOf('--only');
  const named = at >= 0 ? argv[at + 1] : env.BENCH_ONLY;
  if (!named) return new Set(SECTIONS);
  const wanted = named.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  return new Set(wanted as Section[]);
}

interface PlatformSections {
  latency?: LatencySection;
  memory?: MemorySection;
  warmPath?: WarmPathSection;
  coldStart?: ColdStartSection;
  load?: LoadSection;
  registerImport?: RegisterImportSection;
  servicesLifecycle?: ServicesLifecycleSection;
}

/**
 * The runtime as `npm start` runs it, on a fresh data folder: latency, then memory while it still runs; issue 20's
 * warm path, cold starts (fresh processes against this DynamoDB Local) and load; then the sections that add data.
 */
async function measurePlatform(
  run: ReadonlySet<Section>,
  repetitions: Repetitions,
  coldRuns: number,
  bundles: { functions?: readonly BundleResult[]; reference?: ReferenceBundle },
): Promise<PlatformSections> {
  progress('starting the platform (DynamoDB Local on a fresh data folder)');
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-'));
  // The bench sends thousands of requests from one address on purpose: the gateway's rate limits times 1000.
  const rateLimits = scaleRateLimits(RATE_LIMITS, 1000);
  const platform = await startPlatform({ dataDir, port: 0, demo: false, scheduler: false, operatorPassword: OPERATOR_PASSWORD, rateLimits });
  const out: PlatformSections = {};
  try {
    const scenario = await benchScenario(platform.url, OPERATOR_PASSWORD);
    const tap = new EventTap(platform.gateway);
    if (run.has('latency')) {
      out.latency = await measureLatency(scenario, repetitions, progress);
      out.memory = measureMemory(platform.dynamoDbPid);
    }
    if (run.has('warm-path')) out.warmPath = await attempt('warm-path', () => measureWarmPath(tap, scenario.tenantId, scenario.operations, repetitions, progress));
    let events: Map<string, CapturedEvent> | undefined;
    let getTenant: CapturedEvent | undefined;
    if (run.has('cold-start') || run.has('load')) {
      progress('finding one request per HTTP function (GET routes without parameters, as the administrator, then the operator)');
      getTenant = await tap.capture(() => scenario.operator.get(`/platform/tenants/${scenario.tenantId}`));
      if (!getTenant || getTenant.statusCode !== 200) throw new Error('GET /platform/tenants/{tenantId} did not answer 200');
      events = await discoverEvents(tap, [scenario.admin, scenario.operator], [getTenant]);
      progress(`requests found: ${[...events.values()].map((captured) => `${captured.context} ${captured.routeKey}`).join(' · ')}`);
    }
    if (run.has('load')) {
      const adminToken = scenario.admin.token ?? '';
      const adminLists = [...(events?.values() ?? [])]
        // The console's lists, not the file functions' exports (an XLSX per request is not what 50 users do all day).
        .filter((captured) => captured.event.headers.authorization === `Bearer ${adminToken}` && !captured.context.endsWith('-files'))
        .map((captured) => `${captured.event.rawPath.replace(/^\/api\/v1/, '')}${captured.event.rawQueryString ? `?${captured.event.rawQueryString}` : ''}`);
      out.load = await attempt('load', () => measureLoad(platform.url, scenario.admin, OPERATOR_PASSWORD, platform.dynamoDbPid, adminLists, count('BENCH_LOAD_SECONDS', 60), progress));
    }
    if (run.has('cold-start') && events && getTenant) {
      if (!bundles.functions || !bundles.reference) throw new Error('cold-start needs the bundles section');
      const http = new Set(BOUNDED_CONTEXTS.map((context) => context.name));
      progress(`cold starts: ${coldRuns} fresh processes per HTTP function and of the reference, interleaved`);
      const { functions, reference: ref } = bundles;
      const served = getTenant;
      const captured = events;
      out.coldStart = await attempt('cold-start', () =>
        measureColdStarts(
          functions.filter((bundle) => http.has(bundle.name)),
          ref,
          captured,
          served,
          coldRuns,
        ),
      );
    }
    // After memory, so the 5,000 entries it writes do not weigh on the runtime's figures.
    if (run.has('register-import')) out.registerImport = await attempt('register-import', () => measureRegisterImport(platform.url, OPERATOR_PASSWORD, progress));
    if (run.has('services-lifecycle')) out.servicesLifecycle = await attempt('services-lifecycle', () => measureServicesLifecycle(platform.url, OPERATOR_PASSWORD, progress));
    return out;
  } finally {
    progress('stopping the platform');
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Calls per service measured by the services-lifecycle section, where it ran; the defaults otherwise. */
function measuredCalls(section: ServicesLifecycleSection | undefined): CallsPerOperation {
  if (!section) return DEFAULT_CALLS;
  const transactions = section.steps.reduce((sum, step) => sum + (step.calls.TransactWriteItems ?? 0), 0);
  return transactions > 0 ? { ...DEFAULT_CALLS, transactionsPerService: transactions } : DEFAULT_CALLS;
}

async function main(): Promise<void> {
  if (process.argv.includes('--list')) {
    console.log(SECTIONS.join('\n'));
    return;
  }
  const run = selectedSections(process.argv, process.env);
  // A section's background work that fails after the section (a retry loop hitting a server it stopped) must not end
  // the whole run: it is reported with the failures instead.
  process.on('unhandledRejection', (reason) => {
    failures.push({ section: 'background', error: reason instanceof Error ? reason.message : String(reason) });
    progress(`⚠ a background task failed: ${String(reason).slice(0, 200)}`);
  });
  const repetitions = { warmup: count('BENCH_WARMUP', 30), runs: count('BENCH_RUNS', 200) };
  const coldRuns = count('BENCH_COLD_RUNS', 15);
  const firstVisits = count('BENCH_FIRST_VISITS', 10);
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
  };
  print(
    '# anze benchmark',
    `${machine.date} · Node ${machine.node} · ${machine.cpu} × ${machine.cores} cores · ` +
      `load average ${machine.loadAverage.join(' / ')} at start (1 / 5 / 15 min) · ` +
      `${repetitions.runs} timed requests per operation after ${repetitions.warmup} warm-up, sequential` +
      (run.size < SECTIONS.length ? ` · sections: ${[...run].join(', ')}` : ''),
  );
  const results: Record<string, unknown> = { machine, repetitions, coldRuns, sections: [...run] };

  // Issue 20: the bundles first — the cold starts serve requests from them against the platform's DynamoDB Local.
  let bundles: BundleResult[] | undefined;
  let reference: ReferenceBundle | undefined;
  let drift: string[] = [];
  if (run.has('bundles') || run.has('cold-start') || run.has('cold-import')) {
    progress("bundling every function with the CDK construct's esbuild settings, and the reference handler with the construct itself");
    bundles = await buildBundles(REPO_ROOT, join(BENCH_DIR, 'bundles'));
    reference = await buildReferenceBundle(REPO_ROOT, join(BENCH_DIR, 'bundles'));
    drift = bundlingDrift(REPO_ROOT);
    const heaviest = biggestBundleTables(bundles);
    print(
      '## Bundles (esbuild, settings of infra/constructs/anze-function.ts)',
      bundleTable(bundles, reference),
      ...(drift.length ? [`⚠ the construct no longer contains these settings the bench copies: ${drift.join(' · ')}`] : []),
      reference.copyMatchesConstruct
        ? `The reference handler (${reference.entry}), bundled by AnzeFunction itself in a throwaway CDK app: ${(reference.bytes / 1024).toFixed(1)} KB; the bench's copy of the settings makes the same code byte for byte.`
        : `⚠ the reference handler bundled by AnzeFunction itself (${reference.bytes} bytes) differs from the bench's copy of its settings (${reference.copyBytes} bytes): bundles.ts's CDK_LIKE has drifted.`,
      '### What each HTTP function carries beyond the reference handler (the cause of a ratio over 1.5×)',
      beyondReferenceTable(bundles, reference),
      `### Heaviest inputs of the biggest bundle (${heaviest.name})`,
      heaviest.modules,
      heaviest.packages,
    );
    Object.assign(results, { bundles, reference, bundlingDrift: drift });
  }

  const platformSections = ['latency', 'warm-path', 'cold-start', 'load', 'register-import', 'services-lifecycle'] as const;
  let platformResults: PlatformSections = {};
  if (platformSections.some((section) => run.has(section))) {
    platformResults = await measurePlatform(run, repetitions, coldRuns, { functions: bundles, reference });
    const { latency, memory, warmPath, coldStart, load, registerImport, servicesLifecycle } = platformResults;
    if (latency && memory) {
      print(
        '## Latency through the local gateway vs the bare DynamoDB calls',
        latencyTable(latency),
        latencyNotes(latency),
        fixedCostTable(latency),
        '## DynamoDB calls per request',
        callsTable(latency),
        '## Memory of the local runtime (after the latency runs)',
        memoryTable(memory),
      );
    }
    if (warmPath) print('## Warm path: the handler in-process vs the bare DynamoDB calls it makes (issue 20)', warmPathTable(warmPath));
    if (coldStart) print(`## Cold start: CPU of a fresh process importing the bundle and serving one request, vs the reference handler (issue 20, medians of ${coldStart.runs})`, coldStartTable(coldStart));
    if (load) print(`## Load: ${load.connections} simulated users for ${load.seconds} s through the local gateway (autocannon, issue 20)`, loadTables(load));
    if (registerImport) print('## Bulk import of the enterprise register (REG-1), 5,000 rows of XLSX through the gateway', registerImportTable(registerImport));
    if (servicesLifecycle) print('## DynamoDB calls per step of a prevention service (SVC-5..10)', servicesLifecycleTable(servicesLifecycle));
    Object.assign(results, platformResults);
  }

  if (run.has('fees-summary')) {
    progress('prevention-fee summary at 10 and 100,000 entries (a child process with its own DynamoDB Local)');
    const feeSummary = await attempt('fees-summary', () => runFeeSummaryInChild());
    if (feeSummary) print('## Prevention-fee summary (FEE-4) at 10 and 100,000 entries', feeSummaryTables(feeSummary));
    results.feeSummary = feeSummary;
  }

  if (run.has('overview')) {
    progress('supervision overview at 10 and 100,000 policies (a child process with its own DynamoDB Local)');
    const overview = await attempt('overview', () => runOverviewInChild());
    if (overview) print('## Supervision overview (issue 14) at 10 and 100,000 policies', overviewTables(overview));
    results.overview = overview;
  }

  if (run.has('obligations-engine')) {
    progress('obligations engine (SVC-11): 100,000 policies and 400,000 services, in this process, pure CPU');
    const obligationsEngine = await attempt('obligations-engine', () => measureObligationsEngine(progress));
    if (obligationsEngine) print(OBLIGATIONS_ENGINE_HEADING, obligationsEngineTable(obligationsEngine));
    results.obligationsEngine = obligationsEngine;
  }

  if (run.has('daily-run')) {
    progress('daily run (issue 16): the same due set beside 1,000, 10,000 and 100,000 services (its own DynamoDB Local)');
    const dailyRun = await attempt('daily-run', () => measureDailyRun());
    if (dailyRun) print(DAILY_RUN_HEADING, dailyRunTable(dailyRun));
    results.dailyRun = dailyRun;
  }

  if (run.has('webhooks')) {
    // Issue 17: deliveries to a loopback receiver; BENCH_WEBHOOK_MESSAGES=100000 for the memory run over 100,000.
    const webhookMessages = count('BENCH_WEBHOOK_MESSAGES', 1_000);
    progress(`webhooks (issue 17): ${webhookMessages} messages to a loopback receiver (its own platform and DynamoDB Local)`);
    const webhooks = await attempt('webhooks', () => measureWebhooks(webhookMessages, progress));
    if (webhooks) print(WEBHOOKS_HEADING, webhooksTable(webhooks));
    results.webhooks = webhooks;
  }

  if (run.has('monitoring')) {
    // Issue 19 (MON-2): sustained ingest in batches of 500; BENCH_MONITORING_BATCHES (default 80), 4 in flight.
    const monitoring = await measureMonitoring(count('BENCH_MONITORING_BATCHES', 80), count('BENCH_MONITORING_CONCURRENCY', 4), progress);
    print(MONITORING_HEADING, monitoringTables(monitoring));
    results.monitoring = monitoring;
  }

  let cold: ReturnType<typeof measureColdImports> | undefined;
  if (run.has('cold-import') && bundles) {
    progress(`cold imports: ${coldRuns} fresh node processes per bundle, and as many bare \`node -e 0\``);
    cold = measureColdImports(bundles, coldRuns);
    print('## Cold import of each bundle vs bare node startup', coldImportTable(cold));
    results.cold = cold;
  }

  let firstVisit: Awaited<ReturnType<typeof measureFirstVisitSection>> | undefined;
  if (run.has('first-visit')) {
    progress('first visit of the console (issue 15): a production build, Chromium, a new context per visit');
    firstVisit = await attempt('first-visit', () => measureFirstVisitSection(REPO_ROOT, firstVisits, progress));
    if (firstVisit) print(FIRST_VISIT_HEADING, firstVisitTables(firstVisit));
    results.firstVisit = firstVisit;
  }

  const inputs: { -readonly [K in keyof GoalInputs]: GoalInputs[K] } = {
    reference,
    bundles,
    coldStart: platformResults.coldStart,
    warmPath: platformResults.warmPath,
    load: platformResults.load,
    firstVisit,
  };
  if (run.has('national-scale')) {
    const calls = measuredCalls(platformResults.servicesLifecycle);
    inputs.partitions = partitionRates(NATIONAL, BUSIEST_DAY, calls);
    print(
      '## National scale on paper: per-partition rates at the busiest second (issue 20, national-scale.ts)',
      `500,000 enterprises, 3 million services a year, 100 insurers; ${calls.transactionsPerService} transactions per service` +
        (platformResults.servicesLifecycle ? ' (measured by the services-lifecycle section in this run)' : ' (the default: run with services-lifecycle to measure it)'),
      nationalScaleTable(inputs.partitions),
    );
    Object.assign(results, { nationalScale: { scale: NATIONAL, busiestDay: BUSIEST_DAY, calls, partitions: inputs.partitions } });
  }
  if (run.has('cost-model')) {
    inputs.costs = [costModel(XINZHOU), costModel(NATIONAL_PER_INSURER)];
    print('## Cost per insurer per month (issue 20, cost-model.ts; us-east-1 list prices, not cn-north-1)', costTable(inputs.costs));
    results.costModel = inputs.costs;
  }

  if (platformResults.latency && platformResults.memory && bundles && cold) {
    const summary = verdicts(platformResults.latency, platformResults.memory, bundles, cold);
    print('## Targets (the first benchmark\'s)', verdictTable(summary));
    results.summary = summary;
  }

  const goals = goalsOf(inputs);
  const seconds = (performance.now() - startedAt) / 1000;
  print(
    '## Goals of issue 20',
    `Load average at start ${machine.loadAverage.join(' / ')} on ${machine.cores} cores: only ratios measured side by side mean anything here.`,
    goalsTable(goals),
    ...(failures.length ? [`⚠ sections that could not measure: ${failures.map((failure) => `${failure.section} (${failure.error.slice(0, 200)})`).join(' · ')}`] : []),
    `Whole run: ${seconds.toFixed(0)} s.`,
  );
  results.seconds = seconds;
  results.failures = failures;

  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results', 'bench.json'), `${JSON.stringify({ goals, failures, machine, sections: [...run], seconds, results }, null, 2)}\n`);
  progress('raw numbers written to .bench/results.json, the goals (and every figure) to test-results/bench.json');
  if (failures.length > 0) throw new Error(`${failures.length} section(s) could not measure: ${failures.map((failure) => failure.section).join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
