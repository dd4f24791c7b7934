import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, DockerImage, Stack } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import type { Construct } from 'constructs';
import { REPO_ROOT, repoPath } from './repo-paths.js';

/**
 * The package the functions' bundles leave out (`externalModules` in anze-function.ts, and the bench's copy in
 * test/bench/bundles.ts) and this layer provides: Powertools Tracer with the X-Ray SDK inside it.
 */
export const TRACING_LAYER_PACKAGE = '@aws-lambda-powertools/tracer';

/** Where a Node.js layer's packages go: Lambda puts /opt/nodejs/node_modules on NODE_PATH. */
export const TRACING_LAYER_PACKAGE_DIR = join('nodejs', 'node_modules', TRACING_LAYER_PACKAGE);

/**
 * Writes the layer's content into `outDir`: one CommonJS bundle of the pinned tracer, its middy middleware and
 * the X-Ray SDK, as `@aws-lambda-powertools/tracer` with the package's two entry points (`.` and
 * `./middleware`) sharing that one bundle, so the middleware and the SDK sub-segments use one X-Ray context.
 * CommonJS because functions/middleware/tracing.ts loads it with `require`: ESM resolution ignores NODE_PATH.
 */
export function buildTracingLayer(outDir: string): void {
  const packageDir = join(outDir, TRACING_LAYER_PACKAGE_DIR);
  mkdirSync(packageDir, { recursive: true });
  buildSync({
    stdin: {
      contents: `export * from '${TRACING_LAYER_PACKAGE}'; export * from '${TRACING_LAYER_PACKAGE}/middleware';`,
      resolveDir: REPO_ROOT,
      sourcefile: 'tracing-layer-entry.js',
      loader: 'js',
    },
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    outfile: join(packageDir, 'index.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(packageDir, 'middleware.js'), "module.exports = require('./index.js');\n");
  const { version } = JSON.parse(readFileSync(repoPath(`node_modules/${TRACING_LAYER_PACKAGE}/package.json`), 'utf8')) as { version: string };
  writeFileSync(
    join(packageDir, 'package.json'),
    `${JSON.stringify({ name: TRACING_LAYER_PACKAGE, version, main: './index.js', exports: { '.': './index.js', './middleware': './middleware.js' } }, null, 2)}\n`,
  );
}

/**
 * The tracing layer of a stack: every AnzeFunction of the stack gets it (one LayerVersion per stack, made by
 * the first function that asks). Our own layer, built at synth by the local esbuild from the pinned
 * node_modules, rather than AWS's public Powertools layer: that one is not published in the China partition
 * (cn-north-1, cn-northwest-1), where Xinzhou would deploy, and it would pin the tracer apart from package.json.
 */
export class TracingLayer extends LayerVersion {
  static of(scope: Construct): TracingLayer {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(TRACING_LAYER_ID);
    return existing instanceof TracingLayer ? existing : new TracingLayer(stack, TRACING_LAYER_ID);
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id, {
      description: `anze: ${TRACING_LAYER_PACKAGE} (with aws-xray-sdk-core), loaded by functions/middleware/tracing.ts on a traced invocation`,
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.ARM_64],
      // The asset's source only anchors it (the tracer's installed package); its hash is the built output's.
      code: Code.fromAsset(repoPath(`node_modules/${TRACING_LAYER_PACKAGE}`), {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never used: the local esbuild always builds it (there is no Docker here, TOOLCHAIN.md).
          image: DockerImage.fromRegistry('unused'),
          local: {
            tryBundle(outputDir: string): boolean {
              buildTracingLayer(outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}

const TRACING_LAYER_ID = 'TracingLayer';
