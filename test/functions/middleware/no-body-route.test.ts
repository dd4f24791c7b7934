import { describe, expect, it } from 'vitest';
import { PUBLIC } from '../../../domain/identity/access.js';
import { createHttpHandler, type HttpEvent } from '../../../functions/middleware/http-handler.js';
import { defineRoute } from '../../../functions/middleware/route.js';

/**
 * Issue 12 (the standing attack suite found it on POST /me/notifications/read-all): a write route that declares
 * no body refused malformed JSON but ran on any well-formed one — `null`, an array, `{"__proto__":…}` — as if
 * nothing had been sent. A caller that sends fields expects them read, so a body there is a 400 naming `body`,
 * and the use case does not run. Nothing, or `{}`, is what "no body" looks like and is let through.
 */
let runs = 0;
const handler = createHttpHandler([
  defineRoute({
    method: 'POST',
    path: '/api/v1/things/mark-all',
    summary: 'a write that takes no body',
    access: PUBLIC,
    tags: ['test'],
    idempotent: false,
    handle: async () => {
      runs += 1;
      return { body: { ok: true } };
    },
  }),
]);

function eventWith(body: string | undefined): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'POST /api/v1/things/mark-all',
    rawPath: '/api/v1/things/mark-all',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body }),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: 'req-1',
      routeKey: 'POST /api/v1/things/mark-all',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method: 'POST', path: '/api/v1/things/mark-all', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: { jwt: { claims: {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
  } as HttpEvent;
}

const context = { awsRequestId: 'req-1', functionName: 'test', getRemainingTimeInMillis: () => 1000 } as never;

describe('issue 12: a route that takes no body refuses one', () => {
  it.each([
    ['null', 'null'],
    ['an array', '[{}]'],
    ['a string', '"x"'],
    ['a number', '1'],
    ['fields', '{"all":false}'],
    ['prototype pollution', '{"__proto__":{"isAdmin":true}}'],
  ])('%s → 400 naming body, and the use case does not run', async (_name, body) => {
    const before = runs;
    const response = (await handler(eventWith(body), context)) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.details[0].field).toBe('body');
    expect(runs).toBe(before);
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['{}', '{}'],
  ])('%s → the use case runs', async (_name, body) => {
    const before = runs;
    const response = (await handler(eventWith(body), context)) as { statusCode: number };
    expect(response.statusCode).toBe(200);
    expect(runs).toBe(before + 1);
  });
});
