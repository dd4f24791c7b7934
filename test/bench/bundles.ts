import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { kib, markdownTable, ratio, verdict } from './table.js';
import { TARGETS } from './targets.js';

/** Issue 20: an HTTP function's bundle ÷ the reference handler's (reference-bundle.ts). */
export const REFERENCE_BUNDLE_RATIO = 1.5;

/** Every Lambda function the CDK app deploys: one per bounded context, the outbox relay, the daily schedule. */
export const FUNCTIONS: readonly { readonly name: string; readonly entry: string }[] = [
  ...BOUNDED_CONTEXTS.map((context) => ({ name: context.name, entry: context.entry })),
  { name: 'relay', entry: 'functions/relay/handler.ts' },
  { name: 'schedules', entry: 'functions/schedules/handler.ts' },
];

/**
 * The settings of `bundling` in infra/constructs/anze-function.ts, as the esbuild flags NodejsFunction
 * passes (`--bundle --platform=node --target --format --minify --sourcemap --sources-content=false
 * --banner:js --main-fields --external`; the AWS SDK is bundled, `bundleAwsSDK: true`, and the only external
 * is the tracer, which the functions' tracing layer provides: infra/constructs/tracing-layer.ts). A copy: the
 * construct module imports aws-cdk-lib. `bundlingDrift` says when the two stop agreeing.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
export const CDK_LIKE: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: { js: ESM_REQUIRE_BANNER },
  external: ['@aws-lambda-powertools/tracer'],
  metafile: true,
  logLevel: 'warning',
};

/** Settings of the construct this bench copies, as they are written there. */
const CONSTRUCT_SETTINGS = [
  'format: OutputFormat.ESM',
  "target: 'node22'",
  "mainFields: ['module', 'main']",
  'minify: true',
  'sourceMap: true',
  'sourcesContent: false',
  'bundleAwsSDK: true',
  "externalModules: ['@aws-lambda-powertools/tracer']",
  ESM_REQUIRE_BANNER,
];

/** Lines of the construct's bundling settings the bench's copy no longer finds there (empty when in step). */
export function bundlingDrift(repoRoot: string): string[] {
  const construct = readFileSync(join(repoRoot, 'infra/constructs/anze-function.ts'), 'utf8');
  return CONSTRUCT_SETTINGS.filter((setting) => !construct.includes(setting));
}

export interface ModuleBytes {
  readonly path: string;
  readonly bytes: number;
}

export interface BundleResult {
  readonly name: string;
  readonly entry: string;
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly sourceMapBytes: number;
  /** The heaviest input modules (the first 30; the full list is in esbuild's metafile). */
  readonly modules: readonly ModuleBytes[];
  readonly packages: readonly ModuleBytes[];
}

const MODULES_KEPT = 30;

/**
 * `node_modules/@scope/name/...` → `@scope/name`; our own files (domain, functions) → `(anze source)`.
 * zod's locales count apart from zod: STYLE.md names them as the usual half of a bundle.
 */
function packageOf(path: string): string {
  if (path.includes('node_modules/zod/v4/locales/')) return 'zod (locales only)';
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return '(anze source)';
  const first = parts[at + 1] ?? '?';
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? '?'}` : first;
}

export function contributions(metafile: Metafile): { modules: ModuleBytes[]; packages: ModuleBytes[] } {
  // The code output names its entry point; the source map output does not.
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  if (!output) throw new Error('esbuild reported no code output');
  const modules = Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map<string, number>();
  for (const { path, bytes } of modules) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  const packages = [...byPackage].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { modules: modules.slice(0, MODULES_KEPT), packages };
}

export async function buildBundles(repoRoot: string, outDir: string): Promise<BundleResult[]> {
  mkdirSync(outDir, { recursive: true });
  const results: BundleResult[] = [];
  for (const fn of FUNCTIONS) {
    const file = join(outDir, `${fn.name}.mjs`);
    const built = await build({ ...CDK_LIKE, absWorkingDir: repoRoot, entryPoints: [join(repoRoot, fn.entry)], outfile: file });
    if (!built.metafile) throw new Error('esbuild returned no metafile');
    const code = readFileSync(file);
    results.push({
      name: fn.name,
      entry: fn.entry,
      file,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      sourceMapBytes: statSync(`${file}.map`).size,
      ...contributions(built.metafile),
    });
  }
  return results;
}

/**
 * Sizes, and — issue 20 — each function beside the reference handler (reference-bundle.ts): an HTTP function may
 * be at most 1.5× it. The relay and the schedule are not HTTP functions; their ratio is shown, with no goal.
 */
export function bundleTable(bundles: readonly BundleResult[], reference?: { bytes: number; gzipBytes: number }): string {
  const limit = TARGETS.bundleKb * 1024;
  const http = new Set(BOUNDED_CONTEXTS.map((context) => context.name));
  const rows = bundles.map((bundle) => {
    const row = [bundle.name, bundle.entry, kib(bundle.bytes), kib(bundle.gzipBytes), kib(bundle.sourceMapBytes), verdict(bundle.bytes <= limit)];
    if (!reference) return row;
    const times = bundle.bytes / reference.bytes;
    return [...row, ratio(times), http.has(bundle.name) ? verdict(times <= REFERENCE_BUNDLE_RATIO) : '– (not HTTP)'];
  });
  if (reference) rows.unshift(['**reference**', 'test/bench/reference/handler.ts', kib(reference.bytes), kib(reference.gzipBytes), '', '', '1.00×', '']);
  return markdownTable(
    [
      'function',
      'entry',
      'bundle KB',
      'gzip KB',
      'source map KB (not loaded)',
      `first target ≤ ${TARGETS.bundleKb} KB`,
      ...(reference ? ['÷ reference', `issue 20: ≤ ${REFERENCE_BUNDLE_RATIO}×`] : []),
    ],
    rows,
    [2, 3, 4, 6],
  );
}

/** What to look at to shrink the biggest bundle: its heaviest input modules and packages. */
export function biggestBundleTables(bundles: readonly BundleResult[], top = 10): { name: string; modules: string; packages: string } {
  const biggest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0];
  if (!biggest) throw new Error('no bundles');
  const share = (bytes: number) => `${((100 * bytes) / biggest.bytes).toFixed(1)} %`;
  return {
    name: biggest.name,
    modules: markdownTable(
      ['input module (esbuild metafile)', 'KB in bundle', 'share'],
      biggest.modules.slice(0, top).map((module) => [module.path, kib(module.bytes), share(module.bytes)]),
      [1, 2],
    ),
    packages: markdownTable(
      ['package', 'KB in bundle', 'share'],
      biggest.packages.slice(0, top).map((pkg) => [pkg.path, kib(pkg.bytes), share(pkg.bytes)]),
      [1, 2],
    ),
  };
}

/**
 * Issue 20: what each HTTP function carries beyond the reference handler, by package (bytes in the function's bundle
 * minus the same package's bytes in the reference's) — the measured cause of a bundle over 1.5× the reference.
 */
export function beyondReferenceTable(bundles: readonly BundleResult[], reference: { bytes: number; packages: readonly ModuleBytes[] }, top = 4): string {
  const http = new Set(BOUNDED_CONTEXTS.map((context) => context.name));
  const inReference = new Map(reference.packages.map((pkg) => [pkg.path, pkg.bytes]));
  return markdownTable(
    ['function', 'KB beyond the reference', `heaviest additions (KB): the first ${top} packages`],
    bundles
      .filter((bundle) => http.has(bundle.name))
      .map((bundle) => {
        const added = bundle.packages
          .map((pkg) => ({ path: pkg.path, bytes: pkg.bytes - (inReference.get(pkg.path) ?? 0) }))
          .filter((pkg) => pkg.bytes > 0)
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, top);
        return [bundle.name, kib(bundle.bytes - reference.bytes), added.map((pkg) => `${pkg.path} ${kib(pkg.bytes)}`).join(' · ')];
      }),
    [1],
  );
}
