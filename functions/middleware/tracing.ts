import type { MiddlewareObj, Request } from '@middy/core';

type Middleware = MiddlewareObj<unknown, unknown>;

/**
 * X-Ray tracing through Powertools Tracer, loaded on the first traced invocation rather than at import.
 * The tracer and the X-Ray SDK are a tenth of a function's bundle and a fifth of its import time
 * (measured by `npm run bench`); where tracing is off — locally, in tests, or POWERTOOLS_TRACE_ENABLED=false —
 * they are never loaded at all.
 */
const tracingOn = (): boolean =>
  process.env.POWERTOOLS_TRACE_ENABLED !== 'false' && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

let loading: Promise<Middleware> | undefined;

const load = (): Promise<Middleware> =>
  (loading ??= Promise.all([import('@aws-lambda-powertools/tracer'), import('@aws-lambda-powertools/tracer/middleware')]).then(
    ([{ Tracer }, { captureLambdaHandler }]) =>
      captureLambdaHandler(new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'anze' }), {
        captureResponse: false,
      }) as Middleware,
  ));

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
