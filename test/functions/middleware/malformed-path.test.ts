import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { PUBLIC } from '../../../domain/identity/access.js';
import { idParam } from '../../../functions/http/zod.js';
import { createHttpHandler, type HttpEvent } from '../../../functions/middleware/http-handler.js';
import { defineRoute } from '../../../functions/middleware/route.js';

/**
 * The Lambda side of issue 12 #4. API Gateway hands Lambda decoded `pathParameters`; when an event has none
 * (a test or console invocation, another integration), the router fills them from the raw path, escapes and
 * all. Either way a malformed parameter is a 400 naming it, never a 500.
 */
const seen: string[] = [];
const handler = createHttpHandler([
  defineRoute({
    method: 'GET',
    path: '/api/v1/things/{thingId}',
    summary: 'a thing',
    access: PUBLIC,
    tags: ['test'],
    params: z.object({ thingId: idParam }),
    handle: async ({ params }) => {
      seen.push(params.thingId);
      return { body: { thingId: params.thingId } };
    },
  }),
]);

function eventFor(rawPath: string, pathParameters?: Record<string, string>): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'GET /api/v1/things/{thingId}',
    rawPath,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    ...(pathParameters ? { pathParameters } : {}),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: 'req-1',
      routeKey: 'GET /api/v1/things/{thingId}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: { jwt: { claims: {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
  } as HttpEvent;
}

const context = { awsRequestId: 'req-1', functionName: 'test', getRemainingTimeInMillis: () => 1000 } as never;

describe('issue 12 #4: malformed path parameters reaching the Lambda answer 400 naming the parameter', () => {
  it.each([
    ['a lone %', '%'],
    ['not hex', '%ZZ'],
    ['a truncated UTF-8 escape', '%E4%B8'],
    ['an overlong escape', '%C0%AF'],
  ])('raw path only (no pathParameters): %s', async (_name, segment) => {
    const result = await handler(eventFor(`/api/v1/things/${segment}`), context);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'thingId' }] } });
  });

  it.each([
    ['a lone surrogate', '\uD800'],
    ['NUL', 'a\u0000b'],
    ['CJK', '中文'],
    ['the key separator', 'a#b'],
    ['an escape API Gateway left undecoded', '%ZZ'],
  ])('decoded pathParameters: %s', async (_name, value) => {
    const result = await handler(eventFor('/api/v1/things/x', { thingId: value }), context);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'thingId' }] } });
  });

  it('a well-formed id still reaches the use case, decoded', async () => {
    const result = await handler(eventFor('/api/v1/things/abc-1', { thingId: 'abc-1' }), context);
    expect(result.statusCode).toBe(200);
    expect(seen).toEqual(['abc-1']);
  });
});
