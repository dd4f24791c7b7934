import '../../infra/local/local-env.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, startPlatform } from '../../infra/local/platform.js';
import { RATE_LIMITS, scaleRateLimits } from '../../infra/rate-limits.js';
import { biggestBundleTables, bundleTable, bundlingDrift, buildBundles } from './bundles.js';
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

/**
 * `npm run bench`: latency through the local gateway against the bare DynamoDB calls, DynamoDB calls per
 * request, bundle sizes, cold imports and memory, printed as Markdown (stdout) and saved raw to
 * `.bench/results.json`. Progress goes to stderr, so stdout can be pasted as it is. See README.md.
 *
 * Environment: BENCH_RUNS (timed requests per operation, default 200), BENCH_WARMUP (default 30),
 * BENCH_COLD_RUNS (fresh processes per bundle, default 15), BENCH_FIRST_VISITS (cold visits of the sign-in page, default 10),
 * BENCH_WEBHOOK_MESSAGES (webhook messages to a loopback receiver, default 1,000; 100000 for the memory run).
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

/** The runtime as `npm start` runs it, on a fresh data folder: latency, then memory while it still runs. */
async function measurePlatform(
  repetitions: Repetitions,
): Promise<{ latency: LatencySection; memory: MemorySection; registerImport: RegisterImportSection; servicesLifecycle: ServicesLifecycleSection }> {
  progress('starting the platform (DynamoDB Local on a fresh data folder)');
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-'));
  // The bench sends thousands of requests from one address on purpose: the gateway's rate limits times 1000.
  const rateLimits = scaleRateLimits(RATE_LIMITS, 1000);
  const platform = await startPlatform({ dataDir, port: 0, demo: false, scheduler: false, operatorPassword: OPERATOR_PASSWORD, rateLimits });
  try {
    const scenario = await benchScenario(platform.url, OPERATOR_PASSWORD);
    const latency = await measureLatency(scenario, repetitions, progress);
    const memory = measureMemory(platform.dynamoDbPid);
    // After memory, so the 5,000 entries it writes do not weigh on the runtime's figures.
    const registerImport = await measureRegisterImport(platform.url, OPERATOR_PASSWORD, progress);
    const servicesLifecycle = await measureServicesLifecycle(platform.url, OPERATOR_PASSWORD, progress);
    return { latency, memory, registerImport, servicesLifecycle };
  } finally {
    progress('stopping the platform');
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
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
      `${repetitions.runs} timed requests per operation after ${repetitions.warmup} warm-up, sequential`,
  );

  const { latency, memory, registerImport, servicesLifecycle } = await measurePlatform(repetitions);
  print(
    '## Latency through the local gateway vs the bare DynamoDB calls',
    latencyTable(latency),
    latencyNotes(latency),
    fixedCostTable(latency),
    '## DynamoDB calls per request',
    callsTable(latency),
    '## Memory of the local runtime (after the latency runs)',
    memoryTable(memory),
    '## Bulk import of the enterprise register (REG-1), 5,000 rows of XLSX through the gateway',
    registerImportTable(registerImport),
    '## DynamoDB calls per step of a prevention service (SVC-5..10)',
    servicesLifecycleTable(servicesLifecycle),
  );

  progress('prevention-fee summary at 10 and 100,000 entries (a child process with its own DynamoDB Local)');
  const feeSummary = runFeeSummaryInChild();
  print('## Prevention-fee summary (FEE-4) at 10 and 100,000 entries', feeSummaryTables(feeSummary));

  progress('supervision overview at 10 and 100,000 policies (a child process with its own DynamoDB Local)');
  const overview = runOverviewInChild();
  print('## Supervision overview (issue 14) at 10 and 100,000 policies', overviewTables(overview));

  progress('obligations engine (SVC-11): 100,000 policies and 400,000 services, in this process, pure CPU');
  const obligationsEngine = measureObligationsEngine(progress);
  print(OBLIGATIONS_ENGINE_HEADING, obligationsEngineTable(obligationsEngine));

  progress('daily run (issue 16): the same due set beside 1,000, 10,000 and 100,000 services (its own DynamoDB Local)');
  const dailyRun = await measureDailyRun();
  print(DAILY_RUN_HEADING, dailyRunTable(dailyRun));

  // Issue 17: deliveries to a loopback receiver; BENCH_WEBHOOK_MESSAGES=100000 for the memory run over 100,000.
  const webhookMessages = count('BENCH_WEBHOOK_MESSAGES', 1_000);
  progress(`webhooks (issue 17): ${webhookMessages} messages to a loopback receiver (its own platform and DynamoDB Local)`);
  const webhooks = await measureWebhooks(webhookMessages, progress);
  print(WEBHOOKS_HEADING, webhooksTable(webhooks));

  progress("bundling every function with the CDK construct's esbuild settings");
  const bundles = await buildBundles(REPO_ROOT, join(BENCH_DIR, 'bundles'));
  const drift = bundlingDrift(REPO_ROOT);
  const heaviest = biggestBundleTables(bundles);
  print(
    '## Bundles (esbuild, settings of infra/constructs/anze-function.ts)',
    bundleTable(bundles),
    ...(drift.length ? [`⚠ the construct no longer contains these settings the bench copies: ${drift.join(' · ')}`] : []),
    `### Heaviest inputs of the biggest bundle (${heaviest.name})`,
    heaviest.modules,
    heaviest.packages,
  );

  progress(`cold imports: ${coldRuns} fresh node processes per bundle, and as many bare \`node -e 0\``);
  const cold = measureColdImports(bundles, coldRuns);
  print('## Cold import of each bundle vs bare node startup', coldImportTable(cold));

  progress('first visit of the console (issue 15): a production build, Chromium, a new context per visit');
  const firstVisit = await measureFirstVisitSection(REPO_ROOT, firstVisits, progress);
  print(FIRST_VISIT_HEADING, firstVisitTables(firstVisit));

  const summary = verdicts(latency, memory, bundles, cold);
  const seconds = (performance.now() - startedAt) / 1000;
  print('## Targets', verdictTable(summary), `Whole run: ${seconds.toFixed(0)} s.`);

  mkdirSync(BENCH_DIR, { recursive: true });
  const results = { machine, repetitions, coldRuns, seconds, summary, latency, memory, registerImport, servicesLifecycle, feeSummary, overview, obligationsEngine, dailyRun, webhooks, bundles, cold, firstVisit, bundlingDrift: drift };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  progress('raw numbers written to .bench/results.json');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
