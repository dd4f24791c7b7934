import middy, { type MiddlewareObj } from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { allows } from '../../domain/identity/access.js';
import { Forbidden, NotFound, Unauthorized } from '../../domain/kernel/errors.js';
import { routeKeyOf, type RouteSpec } from './route.js';
import { jsonResponse, toErrorResponse } from './error-envelope.js';

import { logger, metrics } from './observability.js';
import { tracing } from './tracing.js';
import { mfaSetupRefusal, principalFromEvent } from './principal.js';
import { assertPrincipalCurrent } from './current-principal.js';
import { parseJsonBody, parsePart } from './validation.js';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * Every handler is this stack (ARCHITECTURE.md §5), in this order for each request:
 * parse the claims → check the access matrix → validate path, query and body → run the use case (once per
 * `Idempotency-Key` for POSTs) → answer JSON; any error becomes the one error envelope.
 */
function routeHandler(route: RouteSpec) {
  const routeKey = routeKeyOf(route);
  const access = route.access;
  if (!access) throw new Error(`route ${routeKey} declares no access row`);
  if (access.kind === 'api-key' && !route.authenticate) throw new Error(`route ${routeKey} takes an API key but declares no authenticate`);

  return async (event: HttpEvent, context: Context): Promise<HttpResult> => {
    const principal = principalFromEvent(event);
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    logger.appendKeys({ requestId, route: routeKey, tenantId: principal?.tenantId, userId: principal?.userId });
    metrics.addMetric('Requests', MetricUnit.Count, 1);
    if (access.kind === 'api-key') {
      // MON-2: the use case verifies the key against its source; a user's token is no key.
      if (principal || !event.headers?.['x-api-key']) throw new Unauthorized('MON-2: this route takes a data source API key (x-api-key), not a user token');
      await route.authenticate?.(event.headers);
    } else if (access.kind !== 'public') {
      if (!principal) throw new Unauthorized('a bearer token is required');
      if (principal.mfaSetupRequired && !route.mfaEnrolment) throw mfaSetupRefusal();
      await assertPrincipalCurrent(principal);
      if (!allows(access, principal.role, principal.agency)) throw new Forbidden(`role ${principal.role} may not call ${routeKey}`);
    }
    const headers = event.headers ?? {};
    const input = {
      params: parsePart(route.params, event.pathParameters ?? {}, 'params'),
      query: parsePart(route.query, event.queryStringParameters ?? {}, 'query'),
      body: parsePart(route.body, parseJsonBody(event.body, event.isBase64Encoded), 'body'),
      principal,
      headers,
      requestId,
    };
    const run = () => route.handle(input);
    const idempotencyKey = headers['idempotency-key'];
    const result =
      route.method === 'POST' && route.idempotent !== false && idempotencyKey
        ? await (await import('./idempotency.js')).runIdempotently(
            {
              key: [principal?.tenantId ?? principal?.agency ?? 'platform', principal?.county ?? '', principal?.userId ?? 'anonymous', routeKey, event.rawPath, idempotencyKey].join('|'),
              body: input.body ?? null,
            },
            context,
            run,
          )
        : await run();
    return jsonResponse(result.status ?? route.successStatus ?? 200, result.body, { 'x-request-id': requestId, ...result.headers });
  };
}

const errorEnvelope = (): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
    const { status, body, known, headers } = toErrorResponse(request.error, requestId);
    metrics.addMetric(known ? 'RefusedRequests' : 'ServerErrors', MetricUnit.Count, 1);
    if (!known) logger.error('unhandled error', { error: request.error as Error });
    else logger.info('request refused', { status, code: body.error.code });
    request.response = jsonResponse(status, body, { 'x-request-id': requestId, ...headers });
  },
});

export function createHttpHandler(routes: readonly RouteSpec[]): HttpHandler {
  const router = httpRouterHandler({
    routes: routes.map((route) => ({ method: route.method, path: route.path, handler: routeHandler(route) })),
    notFoundResponse: () => {
      throw new NotFound('route');
    },
  });
  return middy<HttpEvent, HttpResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(tracing() as MiddlewareObj<HttpEvent, HttpResult>)
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(errorEnvelope())
    .handler(router as unknown as HttpHandler) as unknown as HttpHandler;
}
