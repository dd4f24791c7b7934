import { createRequire } from 'node:module';
import type { MiddlewareObj, Request } from '@middy/core';
import type { MiddlewareStack } from '@smithy/types';
import { logger } from './observability.js';

type Middleware = MiddlewareObj<unknown, unknown>;

/**
 * X-Ray tracing through Powertools Tracer, loaded on the first traced invocation rather than at import.
 * The tracer and the X-Ray SDK are a tenth of a function's bundle and a fifth of its import time
 * (measured by `npm run bench`); where tracing is off — locally, in tests, or POWERTOOLS_TRACE_ENABLED=false —
 * they are never loaded at all.
 */
const tracingOn = (): boolean =>
  process.env.POWERTOOLS_TRACE_ENABLED !== 'false' && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

type TracerPackage = typeof import('@aws-lambda-powertools/tracer');
type TracerMiddlewarePackage = typeof import('@aws-lambda-powertools/tracer/middleware');
type Tracer = InstanceType<TracerPackage['Tracer']>;

/**
 * The tracer is not in the functions' bundles (infra/constructs/anze-function.ts marks it external): on AWS it
 * comes from the functions' own layer (infra/constructs/tracing-layer.ts) under /opt/nodejs/node_modules, which
 * CommonJS resolution reaches through NODE_PATH and ESM resolution never does, hence `require` after `import`.
 * Where the package is installed beside the code (tests, `npm start`), `import` finds it, and test mocks apply.
 */
const requireFromLayer = <T>(name: string): T => createRequire(import.meta.url)(name) as T;

const tracerPackage = (): Promise<TracerPackage> =>
  import('@aws-lambda-powertools/tracer').catch(() => requireFromLayer<TracerPackage>('@aws-lambda-powertools/tracer'));
const tracerMiddlewarePackage = (): Promise<TracerMiddlewarePackage> =>
  import('@aws-lambda-powertools/tracer/middleware').catch(() =>
    requireFromLayer<TracerMiddlewarePackage>('@aws-lambda-powertools/tracer/middleware'),
  );

/**
 * Tracing fails soft: a function deployed without its layer, or a tracer that does not load, serves its requests
 * untraced and says so once in its log, never with a 5xx.
 */
const untraced = (error: unknown): undefined => {
  logger.warn('tracing is off: the tracer did not load (is the tracing layer attached?)', { error: error as Error });
  return undefined;
};

let tracerLoading: Promise<Tracer | undefined> | undefined;
let loading: Promise<Middleware | undefined> | undefined;

/** The one Tracer of the function, loaded on first use (the handler's middleware and the SDK sub-segments share it). */
const loadTracer = (): Promise<Tracer | undefined> =>
  (tracerLoading ??= tracerPackage().then(
    ({ Tracer }) => new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'anze' }),
    untraced,
  ));

const load = (): Promise<Middleware | undefined> =>
  (loading ??= loadTracer().then(async (tracer) => {
    if (!tracer) return undefined;
    const middleware = await tracerMiddlewarePackage().catch(untraced);
    return middleware && (middleware.captureLambdaHandler(tracer, { captureResponse: false }) as Middleware);
  }));

/** The part of an AWS SDK v3 client this needs: its middleware stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's input and output types
type SdkClient = { readonly middlewareStack: MiddlewareStack<any, any> };

/**
 * One X-Ray sub-segment per SDK call (`DynamoDB.TransactWriteItems`, `EventBridge.PutEvents`…) under the
 * invocation's segment, so a trace shows where a request's time went (issue 21). A middleware rather than
 * `tracer.captureAWSv3Client`: it needs the tracer only when a call is made, so the tracer stays lazily loaded
 * and, where tracing is off (locally, in tests), is never loaded at all.
 */
export function traceSdkCalls<C extends SdkClient>(client: C, service: string): C {
  addSdkCallTracing(client.middlewareStack, service);
  return client;
}

const TRACE_MIDDLEWARE = 'anzeTraceSdkCalls';

/**
 * {@link traceSdkCalls} as a client plugin, for a client the SDK makes itself (the STS client of
 * `fromTemporaryCredentials`, which applies its plugins at every call: added once, however often applied).
 */
export const sdkCallTracing = (service: string) => ({
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's input and output types
  applyToStack: (stack: MiddlewareStack<any, any>): void => {
    if (!stack.identify().some((entry) => entry.startsWith(TRACE_MIDDLEWARE))) addSdkCallTracing(stack, service);
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's input and output types
function addSdkCallTracing(stack: MiddlewareStack<any, any>, service: string): void {
  stack.add(
    (next, context) => async (args) => {
      if (!tracingOn()) return next(args);
      const subsegment = (await loadTracer())?.getSegment()?.addNewSubsegment(`${service}.${context.commandName?.replace(/Command$/, '') ?? 'call'}`);
      if (subsegment) subsegment.namespace = 'aws';
      try {
        return await next(args);
      } catch (error) {
        subsegment?.addError(error as Error);
        throw error;
      } finally {
        subsegment?.close();
      }
    },
    { step: 'initialize', name: TRACE_MIDDLEWARE },
  );
}

export function tracing(): Middleware {
  return {
    before: async (request: Request) => {
      if (tracingOn()) await (await load())?.before?.(request);
    },
    after: async (request: Request) => {
      if (tracingOn()) await (await load())?.after?.(request);
    },
    onError: async (request: Request) => {
      if (tracingOn()) await (await load())?.onError?.(request);
    },
  };
}
