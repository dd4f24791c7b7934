import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { CapturedEvent } from './captured-events.js';
import { median } from './stats.js';
import { markdownTable, ms, ratio, verdict } from './table.js';

/** Issue 20's cold start goal: CPU of a fresh process that imports the bundle and serves one request ÷ the reference's. */
export const COLD_START_TARGET = 1.3;

/** CPU milliseconds (user + system, `process.cpuUsage()` of the child) of the parts of one cold start. */
export interface ColdStartSample {
  readonly bootCpuMs: number;
  readonly importCpuMs: number;
  readonly requestCpuMs: number;
  readonly totalCpuMs: number;
  readonly importWallMs: number;
  readonly requestWallMs: number;
}

export interface ColdStartSeries {
  readonly name: string;
  readonly routeKey?: string;
  readonly samples: readonly ColdStartSample[];
}

export interface ColdStartSection {
  readonly runs: number;
  readonly reference: ColdStartSeries;
  readonly functions: readonly ColdStartSeries[];
  /** HTTP functions the bench found no request for (import measured, first request not). */
  readonly importOnly: readonly string[];
}

/**
 * Runs in the child. `process.cpuUsage()` is the whole process's CPU since it started (every thread: V8's
 * compiler and GC helpers, libuv's pool), so the first reading is Node's own start, the rest the import and
 * the request. A request that does not answer as it did through the gateway fails the run.
 */
const PROBE = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const boot = cpu();
let t = performance.now();
const mod = await import(process.env.BENCH_IMPORT_URL);
const imported = cpu(); const importWallMs = performance.now() - t;
const event = process.env.BENCH_EVENT ? JSON.parse(process.env.BENCH_EVENT) : undefined;
let statusCode = 0; let requestWallMs = 0; let served = imported;
if (event) {
  t = performance.now();
  const deadline = Date.now() + 29000;
  const result = await mod.handler(event, { functionName: 'bench', awsRequestId: 'bench-cold', callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) });
  served = cpu(); requestWallMs = performance.now() - t; statusCode = result.statusCode;
}
process.stdout.write('\\nRESULT ' + JSON.stringify({ bootCpuMs: boot, importCpuMs: imported - boot, requestCpuMs: served - imported,
  totalCpuMs: served, importWallMs, requestWallMs, statusCode }) + '\\n');
process.exit(0);
`;

/**
 * A Lambda function's environment at a cold start, pointed at the platform's DynamoDB Local: the handlers' own
 * variables as the platform set them (table names, endpoint, cursor key), the endpoint also as the SDK's standard
 * `AWS_ENDPOINT_URL_DYNAMODB` for the reference handler, dummy credentials, tracing and metrics off (the tracer
 * sits in a layer and loads only on a traced invocation), nothing else of the parent (no tsx loader).
 */
function childEnvironment(service: string): NodeJS.ProcessEnv {
  const own = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('ANZE_')));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...own,
    AWS_ENDPOINT_URL_DYNAMODB: process.env.ANZE_DYNAMODB_ENDPOINT,
    AWS_REGION: process.env.AWS_REGION ?? 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: `anze-${service}`,
    POWERTOOLS_METRICS_NAMESPACE: 'anze',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}

/** Spawned, not spawnSync: the platform in this process keeps answering (its sockets, its relay) meanwhile. */
function runChild(env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function coldStart(name: string, file: string, captured: CapturedEvent | undefined): Promise<ColdStartSample> {
  const env = {
    ...childEnvironment(name),
    BENCH_IMPORT_URL: pathToFileURL(file).href,
    ...(captured ? { BENCH_EVENT: JSON.stringify(captured.event) } : {}),
  };
  const child = await runChild(env);
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (child.status !== 0 || !line) throw new Error(`cold start of ${name} failed (${child.status}): ${child.stderr.slice(0, 600)}`);
  const { statusCode, ...sample } = JSON.parse(line.slice('RESULT '.length)) as ColdStartSample & { statusCode: number };
  if (captured && statusCode !== captured.statusCode) {
    throw new Error(`cold start of ${name}: ${captured.routeKey} answered ${statusCode}, ${captured.statusCode} through the gateway`);
  }
  return sample;
}

/**
 * `runs` fresh processes per function and as many of the reference, interleaved round by round (the order
 * rotating), after `warmup` untimed rounds that put the files in the page cache. Each function serves the event
 * its own function got through the gateway; the reference serves a get of the same tenant's profile item.
 */
export async function measureColdStarts(
  bundles: readonly { name: string; file: string }[],
  reference: { file: string },
  events: ReadonlyMap<string, CapturedEvent>,
  referenceEvent: CapturedEvent,
  runs: number,
  warmup = 2,
): Promise<ColdStartSection> {
  const entrants = [{ name: 'reference', file: reference.file, captured: referenceEvent }, ...bundles.map((bundle) => ({ ...bundle, captured: events.get(bundle.name) }))];
  const samples = entrants.map((): ColdStartSample[] => []);
  for (let round = 0; round < warmup + runs; round += 1) {
    for (let turn = 0; turn < entrants.length; turn += 1) {
      const index = (round + turn) % entrants.length;
      const entrant = entrants[index];
      if (!entrant) continue;
      const sample = await coldStart(entrant.name, entrant.file, entrant.captured);
      if (round >= warmup) samples[index]?.push(sample);
    }
  }
  const series = entrants.map((entrant, index) => ({ name: entrant.name, routeKey: entrant.captured?.routeKey, samples: samples[index] ?? [] }));
  const [referenceSeries, ...functions] = series;
  if (!referenceSeries) throw new Error('no reference series');
  return { runs, reference: referenceSeries, functions, importOnly: functions.filter((fn) => !fn.routeKey).map((fn) => fn.name) };
}

export const medianOf = (series: ColdStartSeries, part: keyof ColdStartSample): number => median(series.samples.map((sample) => sample[part]));

export function coldStartTable(section: ColdStartSection): string {
  const ref = section.reference;
  const row = (series: ColdStartSeries): string[] => {
    const whole = series.routeKey ? medianOf(series, 'totalCpuMs') / medianOf(ref, 'totalCpuMs') : undefined;
    return [
      series.name,
      series.routeKey ?? '(no request found: import only)',
      ms(medianOf(series, 'bootCpuMs')),
      ms(medianOf(series, 'importCpuMs')),
      ratio(medianOf(series, 'importCpuMs') / medianOf(ref, 'importCpuMs')),
      series.routeKey ? ms(medianOf(series, 'requestCpuMs')) : '–',
      series.routeKey ? ratio(medianOf(series, 'requestCpuMs') / medianOf(ref, 'requestCpuMs')) : '–',
      series.routeKey ? ms(medianOf(series, 'totalCpuMs')) : '–',
      whole === undefined ? '–' : ratio(whole),
      whole === undefined ? '–' : verdict(whole <= COLD_START_TARGET),
      `${ms(medianOf(series, 'importWallMs'))} + ${series.routeKey ? ms(medianOf(series, 'requestWallMs')) : '–'}`,
    ];
  };
  return markdownTable(
    [
      'function',
      'first request',
      'node start CPU ms',
      'import CPU ms',
      'import ÷ ref',
      'first request CPU ms',
      'request ÷ ref',
      'whole process CPU ms',
      `whole ÷ ref (≤ ${COLD_START_TARGET}×)`,
      'met',
      'wall ms import + request',
    ],
    [row(ref), ...section.functions.map(row)],
    [2, 3, 4, 5, 6, 7, 8],
  );
}
