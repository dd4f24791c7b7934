import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { isApiKeyRoute, isPublicRoute } from '../../functions/http/access-matrix.js';
import type { BoundedContext } from '../../functions/http/contexts.js';
import { routeKeyOf } from '../../functions/middleware/route.js';
import { buildOpenApiDocument, OPENAPI_PATH } from '../../functions/http/openapi.js';
import { ASYNCAPI_PATH, buildAsyncApiDocument } from '../../functions/events/asyncapi.js';
import { ALL_EVENT_TYPES } from '../../functions/events/catalogue.js';
import type { AnyEventType } from '../../domain/kernel/events.js';
import { rateLimitsFromEnv, SIGN_IN_PATH, type RateLimits } from '../rate-limits.js';
import { LocalRateLimiter, type Throttled } from './rate-limiter.js';
import type { LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';
import { verifyBearer } from './verify-token.js';

export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  readonly routeKey: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly context: string;
  readonly isPublic: boolean;
  /** MON-2: a data source's route — no bearer token is verified here; the handler checks the API key. */
  readonly apiKey: boolean;
}

/** API Gateway's payload limit for Lambda proxy integrations is 6 MB; the same here. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** After a 413, how much more of the body is read and dropped, and for how long, before the connection is cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * The local twin of API Gateway HTTP API + its JWT authoriser: matches the request against the same route
 * tables, verifies the bearer token (the local ES256 key instead of Cognito's), and invokes the very
 * handler Lambda runs with a payload-format-2.0 event. Handlers cannot tell the difference.
 */
export class LocalGateway {
  private readonly routes: CompiledRoute[];
  /**
   * The contract documents, generated once (OpenAPI from the route tables, AsyncAPI from the event catalogue), as
   * the CDK web stack does at synth for CloudFront to serve.
   */
  private readonly documents: ReadonlyMap<string, string>;
  /** The API's rate limits as AWS applies them (WAF, stage and route throttles), from infra/rate-limits.ts. */
  readonly rateLimiter: LocalRateLimiter;

  constructor(
    contexts: readonly BoundedContext[],
    private readonly handlers: ReadonlyMap<string, LambdaHandler>,
    private readonly keyPair: LocalKeyPair,
    private readonly counters = { requests: 0 },
    eventTypes: readonly AnyEventType[] = ALL_EVENT_TYPES,
    rateLimits: RateLimits = rateLimitsFromEnv(),
  ) {
    this.rateLimiter = new LocalRateLimiter(rateLimits);
    this.documents = new Map([
      [OPENAPI_PATH, JSON.stringify(buildOpenApiDocument(contexts.flatMap((context) => context.routes)))],
      [ASYNCAPI_PATH, JSON.stringify(buildAsyncApiDocument(eventTypes))],
    ]);
    this.routes = contexts.flatMap((context) =>
      context.routes.map((route) => {
        const names: string[] = [];
        const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        const routeKey = routeKeyOf(route);
        return {
          routeKey,
          method: route.method,
          pattern: new RegExp(`^${source}/?$`),
          names,
          context: context.name,
          isPublic: isPublicRoute(routeKey),
          apiKey: isApiKeyRoute(routeKey),
        };
      }),
    );
  }

  get requestCount(): number {
    return this.counters.requests;
  }

  /** Answers API requests; returns false for paths outside the API so the caller can serve static files. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://local');
    if (!url.pathname.startsWith('/api/')) return false;
    this.counters.requests += 1;
    const requestId = randomUUID();
    const method = request.method ?? 'GET';
    // WAF comes first on AWS: the source address's budget, and its sign-in attempts whatever the user name.
    const sourceIp = request.socket.remoteAddress ?? 'unknown';
    const bySource = this.rateLimiter.checkSource(sourceIp, method === 'POST' && url.pathname.replace(/\/$/, '') === SIGN_IN_PATH);
    if (bySource) return this.throttle(request, response, requestId, bySource);
    const document = method === 'GET' ? this.documents.get(url.pathname) : undefined;
    if (document !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
      response.end(document);
      return true;
    }
    const match = this.match(method, url.pathname);
    if (!match) return this.send(response, 404, requestId, 'NOT_FOUND', `no route ${method} ${url.pathname}`);
    if (match.malformed !== undefined) {
      // API Gateway refuses such a path before any authoriser runs; so do we, naming the parameter (issue 12 #4).
      // The field is named as the handlers' own validation names path parameters (functions/middleware/validation.ts).
      const message = 'path parameter is not valid percent-encoded UTF-8';
      return this.send(response, 400, requestId, 'VALIDATION_FAILED', `${match.malformed}: ${message}`, [{ field: match.malformed, message }]);
    }
    const byRoute = this.rateLimiter.checkRoute(match.route.routeKey, match.route.isPublic);
    if (byRoute) return this.throttle(request, response, requestId, byRoute);

    let claims: Record<string, string | number | boolean | string[]> | undefined;
    if (!match.route.isPublic && !match.route.apiKey) {
      const checked = await verifyBearer(this.keyPair, request.headers.authorization);
      if (!checked.ok) return this.send(response, 401, requestId, 'UNAUTHORIZED', checked.message);
      claims = checked.claims;
    }

    const byCaller = claims ? this.rateLimiter.checkCaller(claims) : undefined;
    if (byCaller) return this.throttle(request, response, requestId, byCaller);

    const body = await readBody(request);
    if (body === TOO_LARGE) return this.refuseTooLarge(request, response, requestId);
    if (body === ABORTED) return true;
    const handler = this.handlers.get(match.route.context);
    if (!handler) return this.send(response, 502, requestId, 'NO_HANDLER', `context ${match.route.context} is not loaded`);

    const event = toEvent(request, url, match.route.routeKey, match.params, body, requestId, claims);
    const result = await handler(event, lambdaContext(match.route.context, requestId));
    response.writeHead(result.statusCode ?? 200, { ...flattenHeaders(result.headers), 'x-request-id': requestId });
    response.end(result.body ?? '');
    return true;
  }

  /**
   * The route for a path, with its parameters decoded as API Gateway hands them to Lambda; `malformed` names the
   * first parameter whose percent-escapes are not valid UTF-8 (`%`, `%ZZ`, a truncated or an overlong sequence).
   */
  private match(method: string, path: string): { route: CompiledRoute; params: Record<string, string>; malformed?: string } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      for (const [index, name] of route.names.entries()) {
        const value = decodePathSegment(found[index + 1] ?? '');
        if (value === undefined) return { route, params, malformed: name };
        params[name] = value;
      }
      return { route, params };
    }
    return undefined;
  }

  /**
   * 413 with the envelope, then `Connection: close` once the rest of the body has been read and dropped: closing
   * with unread bytes makes the kernel reset the connection, and the client would never see the answer
   * (issue 12 #6). Draining is bounded, so a client that never stops sending is cut off after a while.
   */
  private refuseTooLarge(request: IncomingMessage, response: ServerResponse, requestId: string): true {
    response.shouldKeepAlive = false;
    this.send(response, 413, requestId, 'PAYLOAD_TOO_LARGE', `request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    let drained = 0;
    const cutOff = setTimeout(() => request.destroy(), DRAIN_TIMEOUT_MS);
    cutOff.unref();
    request.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAIN_BYTES) request.destroy();
    });
    request.once('close', () => clearTimeout(cutOff));
    request.resume();
    return true;
  }

  /** 429 with `Retry-After` and the envelope; the body is left unread, and Node drains it before the next request. */
  private throttle(request: IncomingMessage, response: ServerResponse, requestId: string, throttled: Throttled): true {
    request.resume();
    return this.send(response, 429, requestId, 'RATE_LIMITED', throttled.message, undefined, { 'retry-after': String(throttled.retryAfterSeconds) });
  }

  private send(
    response: ServerResponse,
    status: number,
    requestId: string,
    code: string,
    message: string,
    details?: readonly { field: string; message: string }[],
    headers: Readonly<Record<string, string>> = {},
  ): true {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId, ...headers });
    response.end(JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } }));
    return true;
  }
}

/** `decodeURIComponent`, or undefined where the escapes are not valid UTF-8 (it throws a URIError there). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const TOO_LARGE = Symbol('too large');
const ABORTED = Symbol('aborted');

/**
 * The body, TOO_LARGE as soon as it is known to exceed the limit (declared length or bytes read), or ABORTED when
 * the client went away mid-body; never rejects.
 */
function readBody(request: IncomingMessage): Promise<Buffer | typeof TOO_LARGE | typeof ABORTED> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      chunks.length = 0;
      resolve(TOO_LARGE);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(ABORTED));
  });
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  routeKey: string,
  pathParameters: Record<string, string>,
  body: Buffer,
  requestId: string,
  claims: Record<string, string | number | boolean | string[]> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  const isText = /json|text|xml|urlencoded/.test(headers['content-type'] ?? 'application/json');
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      authorizer: { jwt: { claims: claims ?? {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
  };
}

function lambdaContext(contextName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `anze-${contextName}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:anze-${contextName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/anze-${contextName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function flattenHeaders(headers: APIGatewayProxyStructuredResultV2['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}
