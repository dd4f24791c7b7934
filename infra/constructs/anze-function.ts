import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing, type IDestination } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import { assertLocalEsbuild, repoPath } from './repo-paths.js';
import { TracingLayer } from './tracing-layer.js';

/**
 * ESM bundles still meet CommonJS dependencies that call `require` (some AWS SDK and Powertools internals);
 * esbuild cannot turn those into imports, so give the module a real `require`.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface AnzeFunctionProps {
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** Short name, also `POWERTOOLS_SERVICE_NAME=anze-<name>`. */
  readonly serviceName: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logLevel: string;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly description: string;
  /** For asynchronously invoked functions: where an event goes after Lambda's own retries fail. */
  readonly deadLetterQueue?: IQueue;
  /**
   * Concurrency set aside for (and capping) this function: the sign-in trigger must not starve under an API
   * burst, and a heavy background function must not take the account's concurrency from the API.
   */
  readonly reservedConcurrency?: number;
  /** A fixed name (`anze-<stage>-<service>`) for functions other stacks' alarms and dashboards name. */
  readonly functionName?: string;
  /** Asynchronous invocations: where a failed one goes after `retryAttempts` (Lambda destinations). */
  readonly onFailure?: IDestination;
  readonly retryAttempts?: number;
  /**
   * Files (repository-relative) copied beside the bundle, for code that reads a file at run time rather than
   * importing it: the report PDF's CJK font (RPT-1, functions/adapters/report-file/FONT.md).
   */
  readonly bundledFiles?: readonly string[];
}

/** The shell commands that copy {@link AnzeFunctionProps.bundledFiles} into the bundle's output directory. */
export function copyIntoBundle(files: readonly string[], inputDir: string, outputDir: string): string[] {
  return files.map((file) => `cp "${inputDir}/${file}" "${outputDir}/"`);
}

/**
 * Log retention, in every stage: a year, past the six months the Cybersecurity Law (网络安全法 art. 21)
 * asks network logs be kept. Log groups are retained when their stack goes: a rollback or a deleted test
 * stage must not take the record of what happened with it, and generated names never collide on a redeploy.
 */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

/**
 * Every anze Lambda function: Node 22 on ARM64, an ESM bundle made by the local esbuild (never Docker),
 * X-Ray tracing, and a log group of its own. The tracer is not in the bundle but in the stack's
 * {@link TracingLayer}, which every function gets: about 120 KB of each bundle (the X-Ray SDK, semver,
 * cls-hooked) that only a traced invocation loads (functions/middleware/tracing.ts).
 *
 * The execution role is created here rather than by NodejsFunction so that it carries no AWS managed policy:
 * it may write to this function's log group and nothing else until a stack grants more.
 *
 * @example
 * const platform = new AnzeFunction(this, 'Platform', { entry: 'functions/http/platform/handler.ts', … });
 * table.grantReadData(platform);
 */
export class AnzeFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AnzeFunctionProps) {
    assertLocalEsbuild();
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of anze-${props.serviceName}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: repoPath(props.entry),
      handler: 'handler',
      depsLockFilePath: repoPath('package-lock.json'),
      projectRoot: repoPath('.'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      tracing: Tracing.ACTIVE,
      layers: [TracingLayer.of(scope)],
      role,
      logGroup,
      description: props.description,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      ...(props.functionName ? { functionName: props.functionName } : {}),
      ...(props.onFailure ? { onFailure: props.onFailure } : {}),
      ...(props.retryAttempts !== undefined ? { retryAttempts: props.retryAttempts } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: `anze-${props.serviceName}`,
        POWERTOOLS_METRICS_NAMESPACE: 'anze',
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // The SDK versions are pinned (TOOLCHAIN.md) and tested; ship those rather than the runtime's copy.
        bundleAwsSDK: true,
        // In the tracing layer (TRACING_LAYER_PACKAGE), required from /opt/nodejs/node_modules when a traced
        // invocation first needs it; the subpath (`/middleware`) is external with it.
        externalModules: ['@aws-lambda-powertools/tracer'],
        ...(props.bundledFiles && props.bundledFiles.length > 0
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => copyIntoBundle(props.bundledFiles ?? [], inputDir, outputDir),
              },
            }
          : {}),
      },
    });

    acknowledge(this, {
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: the same code runs on Node 20 locally and 22 is the newest runtime the project tests; move up together with the local toolchain.',
    });
    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (Tracing.ACTIVE) needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }
}
