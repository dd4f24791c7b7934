import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction, CfnLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { AnzeFunction } from '../../infra/constructs/anze-function.js';
import { REPO_ROOT } from '../../infra/constructs/repo-paths.js';
import { TRACING_LAYER_PACKAGE_DIR, TracingLayer } from '../../infra/constructs/tracing-layer.js';
import { bundlingDrift } from '../bench/bundles.js';
import { buildAnze } from './synth.js';

/**
 * Issue 20 (bundles) with issue 21 (tracing): the tracer and the X-Ray SDK leave every function's bundle for a
 * layer of our own, and a traced invocation still loads them — from the layer, as on Lambda.
 */

/** Runs in a fresh process: imports a function bundle, serves GET /api/v1/health, says which tracer files it loaded. */
const INVOKE = `
import { createRequire } from 'node:module';
const { handler } = await import(process.argv[2]);
const http = { method: 'GET', path: '/api/v1/health', sourceIp: '127.0.0.1' };
const event = { version: '2.0', routeKey: 'GET /api/v1/health', rawPath: http.path, rawQueryString: '', headers: {}, isBase64Encoded: false,
  requestContext: { http, requestId: 'r1', routeKey: 'GET /api/v1/health', stage: '$default' } };
const context = { functionName: 'anze-test-platform', awsRequestId: 'r1', functionVersion: '$LATEST', memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws-cn:lambda:cn-north-1:111111111111:function:anze-test-platform', getRemainingTimeInMillis: () => 29000 };
const { statusCode } = await handler(event, context);
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@aws-lambda-powertools/tracer'));
process.stdout.write('\\nRESULT ' + JSON.stringify({ statusCode, loaded }) + '\\n');
`;

/** The function as CDK bundles it for Lambda, and the layer as CDK builds it: the cloud assembly's two assets. */
let assembly: string;
let bundle: string;
let layer: string;

beforeAll(() => {
  assembly = mkdtempSync(join(tmpdir(), 'anze-tracing-layer-'));
  // Bundling on (the default), as `cdk synth` does it; CloudFormation schema validation off, as in synth.ts.
  const app = new App({ outdir: assembly, builtinCloudFormationValidation: false });
  new AnzeFunction(new Stack(app, 'TracingLayerProbe'), 'Platform', {
    entry: 'functions/http/platform/handler.ts',
    serviceName: 'platform',
    description: 'probe',
    environment: {},
    logLevel: 'WARN',
  });
  app.synth();
  const assets = readdirSync(assembly).filter((name) => name.startsWith('asset.')).map((name) => join(assembly, name));
  bundle = join(assets.find((dir) => existsSync(join(dir, 'index.mjs')))!, 'index.mjs');
  layer = assets.find((dir) => existsSync(join(dir, TRACING_LAYER_PACKAGE_DIR)))!;
  writeFileSync(join(assembly, 'invoke.mjs'), INVOKE);
}, 120_000);
afterAll(() => rmSync(assembly, { recursive: true, force: true }));

function invoke(withLayer: boolean): { statusCode: number; loaded: string[]; output: string } {
  const child = spawnSync(process.execPath, [join(assembly, 'invoke.mjs'), bundle], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'cn-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_LAMBDA_FUNCTION_NAME: 'anze-test-platform',
      POWERTOOLS_TRACE_ENABLED: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'anze-platform',
      ANZE_TABLE: 'anze-main',
      ANZE_IDEMPOTENCY_TABLE: 'anze-idempotency',
      // Lambda's NODE_PATH holds /opt/nodejs/node_modules, where a layer's `nodejs/node_modules` lands.
      ...(withLayer ? { NODE_PATH: join(layer, 'nodejs', 'node_modules') } : {}),
    },
  });
  const output = `${child.stdout}${child.stderr}`;
  const result = /^RESULT (.*)$/m.exec(child.stdout)?.[1];
  if (child.status !== 0 || !result) throw new Error(`the bundle did not serve its request (${child.status}): ${output}`);
  return { ...(JSON.parse(result) as { statusCode: number; loaded: string[] }), output };
}

describe('issue 20/21: the tracer lives in a layer of our own, not in the bundles', () => {
  it('the function bundle CDK makes leaves out the tracer and the X-Ray SDK (externalModules), and the bench builds the same way', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('import("@aws-lambda-powertools/tracer")');
    // aws-xray-sdk-core's own error text: present whenever the SDK is bundled.
    expect(readFileSync(join(layer, TRACING_LAYER_PACKAGE_DIR, 'index.js'), 'utf8')).toContain('Failed to get the current sub/segment from the context.');
    expect(code).not.toContain('Failed to get the current sub/segment from the context.');
    expect(bundlingDrift(REPO_ROOT)).toEqual([]);
  });

  it('a traced invocation loads the tracer from the layer (CommonJS through NODE_PATH) and answers 200', () => {
    const { statusCode, loaded, output } = invoke(true);
    expect(statusCode).toBe(200);
    expect(loaded.length).toBeGreaterThan(0);
    for (const path of loaded) expect(path.startsWith(join(layer, TRACING_LAYER_PACKAGE_DIR))).toBe(true);
    expect(output).not.toContain('tracing is off');
  }, 60_000);

  it('without the layer the bundle still imports and answers 200, untraced, with a warning in its log (never a 5xx)', () => {
    const { statusCode, loaded, output } = invoke(false);
    expect(statusCode).toBe(200);
    expect(loaded).toEqual([]);
    expect(output).toContain('tracing is off: the tracer did not load');
  }, 60_000);

  it('every function of the app has its stack’s tracing layer, for Node 22 on ARM64', () => {
    const { app } = buildAnze();
    const functions = app.node.findAll().filter((node): node is AnzeFunction => node instanceof AnzeFunction);
    expect(functions.length).toBeGreaterThanOrEqual(BOUNDED_CONTEXTS.length + 3);
    for (const fn of functions) {
      const stack = Stack.of(fn);
      const layer = stack.node.tryFindChild('TracingLayer') as TracingLayer;
      expect(layer).toBeInstanceOf(TracingLayer);
      expect(stack.resolve((fn.node.defaultChild as CfnFunction).layers)).toEqual([stack.resolve(layer.layerVersionArn)]);
      const cfnLayer = layer.node.defaultChild as CfnLayerVersion;
      expect([cfnLayer.compatibleRuntimes, cfnLayer.compatibleArchitectures]).toEqual([['nodejs22.x'], ['arm64']]);
    }
  });
});
