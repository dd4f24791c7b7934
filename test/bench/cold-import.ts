import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median } from './stats.js';
import { markdownTable, ms, ratio, verdict } from './table.js';
import { TARGETS } from './targets.js';

export interface ColdImport {
  readonly name: string;
  /** `await import(bundle)` timed inside a fresh process, per run. */
  readonly importMs: readonly number[];
  /** The same child process from spawn to exit, per run (node start + import + exit). */
  readonly processMs: readonly number[];
}

export interface ColdImportSection {
  readonly runs: number;
  /** `node -e 0` from spawn to exit, per run. */
  readonly bareNodeMs: readonly number[];
  readonly imports: readonly ColdImport[];
}

/** Runs in the child: the bundle's import alone, timed with the child's own clock. */
const PROBE = `
const started = performance.now();
await import(process.env.BENCH_IMPORT_URL);
process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));
`;

/**
 * What a Lambda function's environment holds at import, minus AWS itself: dummy credentials and region,
 * no instance metadata lookups, Powertools as configured by the construct. Nothing of the parent's
 * environment (tsx's loader flags, NODE_OPTIONS) leaks into the children.
 */
function childEnvironment(service: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: `anze-${service}`,
    POWERTOOLS_METRICS_NAMESPACE: 'anze',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    ANZE_TABLE: 'anze-main',
    ANZE_IDEMPOTENCY_TABLE: 'anze-idempotency',
    ANZE_EVENT_BUS: 'anze',
  };
}

function timedSpawn(args: readonly string[], env: NodeJS.ProcessEnv): { wallMs: number; stdout: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 80)} failed (${child.status}): ${child.stderr}`);
  return { wallMs, stdout: child.stdout };
}

/**
 * Fresh `node` processes, one per measurement, taking turns (bare node, then each bundle) so that machine
 * noise falls on all of them alike. `warmup` untimed rounds first put the files in the page cache.
 */
export function measureColdImports(bundles: readonly { name: string; file: string }[], runs: number, warmup = 2): ColdImportSection {
  const bareNodeMs: number[] = [];
  const imports = bundles.map((bundle) => ({ name: bundle.name, importMs: [] as number[], processMs: [] as number[] }));
  for (let round = 0; round < warmup + runs; round += 1) {
    const timed = round >= warmup;
    const bare = timedSpawn(['-e', '0'], childEnvironment('bare'));
    if (timed) bareNodeMs.push(bare.wallMs);
    bundles.forEach((bundle, index) => {
      const env = { ...childEnvironment(bundle.name), BENCH_IMPORT_URL: pathToFileURL(bundle.file).href };
      const child = timedSpawn(['--input-type=module', '-e', PROBE], env);
      const measured = imports[index];
      if (!timed || !measured) return;
      measured.importMs.push((JSON.parse(child.stdout) as { importMs: number }).importMs);
      measured.processMs.push(child.wallMs);
    });
  }
  return { runs, bareNodeMs, imports };
}

export function coldImportTable(section: ColdImportSection): string {
  const bare = median(section.bareNodeMs);
  const rows = section.imports.map((entry) => {
    const imported = median(entry.importMs);
    return [
      entry.name,
      ms(imported),
      ms(bare),
      ratio(imported / bare),
      verdict(imported / bare <= TARGETS.coldImportRatio),
      ms(median(entry.processMs)),
    ];
  });
  return markdownTable(
    [
      'function',
      `import() median ms (${section.runs} fresh processes)`,
      '`node -e 0` median ms',
      `ratio (target ≤ ${TARGETS.coldImportRatio}×)`,
      'met',
      'whole process with import, median ms',
    ],
    rows,
    [1, 2, 3, 5],
  );
}
