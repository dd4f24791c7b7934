import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { isPublicRoute } from '../../functions/http/access-matrix.js';
import type { BoundedContext } from '../../functions/http/contexts.js';
import { routeKeyOf } from '../../functions/middleware/route.js';
import { buildOpenApiDocument, OPENAPI_PATH } from '../../functions/http/openapi.js';
import { ASYNCAPI_PATH, buildAsyncApiDocument } from '../../functions/events/asyncapi.js';
import { ALL_EVENT_TYPES } from '../../functions/events/catalogue.js';
import type { AnyEventType } from '../../domain/kernel/events.js';
import { verifyLocalToken, type LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';

export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  readonly routeKey: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly context: string;
  readonly isPublic: boolean;
}

/** API Gateway's payload limit for Lambda proxy integrations is 6 MB; the same here. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

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

  constructor(
    contexts: readonly BoundedContext[],
    private readonly handlers: ReadonlyMap<string, LambdaHandler>,
    private readonly keyPair: LocalKeyPair,
    private readonly counters = { requests: 0 },
    eventTypes: readonly AnyEventType[] = ALL_EVENT_TYPES,
  ) {
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
    const document = method === 'GET' ? this.documents.get(url.pathname) : undefined;
    if (document !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
      response.end(document);
      return true;
    }
    const match = this.match(method, url.pathname);
    if (!match) return this.send(response, 404, requestId, 'NOT_FOUND', `no route ${method} ${url.pathname}`);

    let claims: Record<string, string | number | boolean | string[]> | undefined;
    if (!match.route.isPublic) {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!token) return this.send(response, 401, requestId, 'UNAUTHORIZED', 'a bearer token is required');
      try {
        claims = stringifyClaims(await verifyLocalToken(this.keyPair, token));
      } catch (error) {
        return this.send(response, 401, requestId, 'UNAUTHORIZED', `token rejected: ${(error as Error).message}`);
      }
    }

    let body: Buffer;
    try {
      body = await readBody(request);
    } catch {
      return this.send(response, 413, requestId, 'PAYLOAD_TOO_LARGE', 'request body exceeds 6 MB');
    }
    const handler = this.handlers.get(match.route.context);
    if (!handler) return this.send(response, 502, requestId, 'NO_HANDLER', `context ${match.route.context} is not loaded`);

    const event = toEvent(request, url, match.route.routeKey, match.params, body, requestId, claims);
    const result = await handler(event, lambdaContext(match.route.context, requestId));
    response.writeHead(result.statusCode ?? 200, { ...flattenHeaders(result.headers), 'x-request-id': requestId });
    response.end(result.body ?? '');
    return true;
  }

  private match(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }

  private send(response: ServerResponse, status: number, requestId: string, code: string, message: string): true {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
    response.end(JSON.stringify({ error: { code, message } }));
    return true;
  }
}

/** API Gateway hands JWT claims to Lambda as strings (numbers and booleans included). */
function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
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
