import type { MiddlewareObj, Request } from '@middy/core';
import type { MiddlewareStack } from '@smithy/types';

type Middleware = MiddlewareObj<unknown, unknown>;

/**
 * X-Ray tracing through Powertools Tracer, loaded on the first traced invocation rather than at import.
 * The tracer and the X-Ray SDK are a tenth of a function's bundle and a fifth of its import time
 * (measured by `npm run bench`); where tracing is off — locally, in tests, or POWERTOOLS_TRACE_ENABLED=false —
 * they are never loaded at all.
 */
const tracingOn = (): boolean =>
  process.env.POWERTOOLS_TRACE_ENABLED !== 'false' && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

type Tracer = import('@aws-lambda-powertools/tracer').Tracer;

let tracerLoading: Promise<Tracer> | undefined;
let loading: Promise<Middleware> | undefined;

/** The one Tracer of the function, loaded on first use (the handler's middleware and the SDK sub-segments share it). */
const loadTracer = (): Promise<Tracer> =>
  (tracerLoading ??= import('@aws-lambda-powertools/tracer').then(
    ({ Tracer }) => new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'anze' }),
  ));

const load = (): Promise<Middleware> =>
  (loading ??= Promise.all([loadTracer(), import('@aws-lambda-powertools/tracer/middleware')]).then(
    ([tracer, { captureLambdaHandler }]) => captureLambdaHandler(tracer, { captureResponse: false }) as Middleware,
  ));

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
      const subsegment = (await loadTracer()).getSegment()?.addNewSubsegment(`${service}.${context.commandName?.replace(/Command$/, '') ?? 'call'}`);
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
      if (tracingOn()) await (await load()).before?.(request);
    },
    after: async (request: Request) => {
      if (tracingOn()) await (await load()).after?.(request);
    },
    onError: async (request: Request) => {
      if (tracingOn()) await (await load()).onError?.(request);
    },
  };
}
