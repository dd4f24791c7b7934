import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEvent, type AnyEventType } from '../../domain/kernel/events.js';
import { ASYNCAPI_PATH } from '../../functions/events/asyncapi.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { OPENAPI_PATH } from '../../functions/http/openapi.js';
import { LocalGateway } from '../../infra/local/gateway.js';

const EVENTS = [
  defineEvent({ name: 'platform.tenant.onboarded', version: 1, aggregate: 'tenant', summary: 'onboarded', payload: z.object({ tenantId: z.string() }) }),
] as readonly AnyEventType[];

describe('the local gateway serves the contract documents', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // No handler is loaded and no token is needed: the documents are answered by the gateway itself.
    const gateway = new LocalGateway(BOUNDED_CONTEXTS, new Map(), { privateJwk: {}, publicJwk: {} }, { requests: 0 }, EVENTS);
    server = createServer((request, response) => {
      void gateway.handle(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('answers GET /api/v1/openapi.json with the OpenAPI 3.1 document of every route', async () => {
    const response = await fetch(`${base}${OPENAPI_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBe(new Set(BOUNDED_CONTEXTS.flatMap((context) => context.routes.map((route) => route.path))).size);
  });

  it('answers GET /api/v1/asyncapi.json with the AsyncAPI 3.0 document of the events', async () => {
    const response = await fetch(`${base}${ASYNCAPI_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as { asyncapi: string; channels: Record<string, { address: string }> };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((channel) => channel.address)).toEqual(['platform.tenant.onboarded']);
  });

  it('answers other methods on those paths as unknown routes', async () => {
    expect((await fetch(`${base}${ASYNCAPI_PATH}`, { method: 'POST' })).status).toBe(404);
  });
});
