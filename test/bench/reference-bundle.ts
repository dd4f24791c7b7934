import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { AnzeFunction } from '../../infra/constructs/anze-function.js';
import { CDK_LIKE, contributions, type ModuleBytes } from './bundles.js';

export const REFERENCE_ENTRY = 'test/bench/reference/handler.ts';

export interface ReferenceBundle {
  readonly name: 'reference';
  readonly entry: string;
  /** The bundle the construct itself made (`index.mjs` of the cloud assembly's asset), copied here. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The same entry bundled by the bench's copy of the settings (bundles.ts), which bundles every function. */
  readonly copyBytes: number;
  /** True when both agree byte for byte: the functions' figures are then made exactly as the construct makes them. */
  readonly copyMatchesConstruct: boolean;
  /** Bytes per package in the reference (esbuild's metafile of the copy build), to say what a function adds to it. */
  readonly packages: readonly ModuleBytes[];
}

/**
 * The reference handler bundled by `AnzeFunction` itself — no copy of its settings: a throwaway CDK app with one
 * function is synthesised, and NodejsFunction runs the local esbuild with the construct's `bundling` exactly as
 * `cdk synth` does. The same entry is bundled with the bench's copy too (bundles.ts, used for every function);
 * when the two differ, the copy has drifted and the run says so.
 */
export async function buildReferenceBundle(repoRoot: string, outDir: string): Promise<ReferenceBundle> {
  mkdirSync(outDir, { recursive: true });
  const assembly = mkdtempSync(join(tmpdir(), 'anze-bench-reference-'));
  try {
    const app = new App({ outdir: assembly, builtinCloudFormationValidation: false });
    new AnzeFunction(new Stack(app, 'BenchReference'), 'Reference', {
      entry: REFERENCE_ENTRY,
      serviceName: 'reference',
      description: 'issue 20: the floor of the stack',
      environment: {},
      logLevel: 'WARN',
    });
    app.synth();
    const asset = readdirSync(assembly)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => join(assembly, name))
      .find((dir) => existsSync(join(dir, 'index.mjs')));
    if (!asset) throw new Error('the synthesised reference function has no index.mjs');
    const file = join(outDir, 'reference.mjs');
    copyFileSync(join(asset, 'index.mjs'), file);
    const code = readFileSync(file);

    const copyFile = join(outDir, 'reference-copy.mjs');
    const built = await build({ ...CDK_LIKE, absWorkingDir: repoRoot, entryPoints: [join(repoRoot, REFERENCE_ENTRY)], outfile: copyFile });
    const copy = readFileSync(copyFile);
    // The last line names the source map file (index.mjs.map there, reference-copy.mjs.map here): not code.
    const codeOf = (bytes: Buffer) => bytes.toString('utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
    return {
      name: 'reference',
      entry: REFERENCE_ENTRY,
      file,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      copyBytes: copy.length,
      copyMatchesConstruct: codeOf(copy) === codeOf(code),
      packages: built.metafile ? contributions(built.metafile).packages : [],
    };
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}
