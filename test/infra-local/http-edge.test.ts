import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * The HTTP edge of the local runtime (the twin of CloudFront + API Gateway): what it answers to malformed
 * paths, oversized bodies, and which headers the console is served with. Real HTTP on loopback.
 */
let test: TestPlatform;
beforeAll(async () => {
  test = await startTestPlatform();
});
afterAll(async () => {
  await test?.stop();
});

interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string; readonly details?: readonly { field?: string; message: string }[] };
}

/** Malformed percent-escapes: a lone `%`, not hex, a truncated UTF-8 sequence, an overlong one (`/` as 2 bytes). */
const MALFORMED = ['%', '%ZZ', 'a%E4%B8', '%C0%AF', '%E4%B8%AD%'] as const;

/** Every route with a path parameter, with a malformed escape in its first parameter. */
const routesWithIds = BOUNDED_CONTEXTS.flatMap((context) => context.routes).filter((route) => route.path.includes('{'));

describe('issue 12 #4: malformed percent-escapes in a path answer 4xx, never 500', () => {
  it('every route with an id answers 400 with the error envelope naming the path parameter, before authentication', async () => {
    expect(routesWithIds.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routesWithIds) {
      const name = /\{(\w+)\}/.exec(route.path)?.[1] ?? '';
      for (const malformed of MALFORMED) {
        const path = route.path.replace(`{${name}}`, malformed).replace(/\{\w+\}/g, 'x1');
        const response = await fetch(`${test.url}${path}`, { method: route.method });
        const body = (await response.json().catch(() => undefined)) as ErrorEnvelope | undefined;
        const named = body?.error.code === 'VALIDATION_FAILED' && body.error.details?.some((detail) => detail.field === name);
        if (response.status !== 400 || !named) failures.push(`${route.method} ${path} → ${response.status} ${JSON.stringify(body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a malformed escape in the last of two path parameters names that one', async () => {
    const route = routesWithIds.find((candidate) => (candidate.path.match(/\{/g) ?? []).length >= 2);
    if (!route) return;
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((found) => found[1] ?? '');
    const last = names.at(-1) ?? '';
    const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === last ? '%ZZ' : 'x1'));
    const response = await fetch(`${test.url}${path}`, { method: route.method });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorEnvelope).error.details?.[0]?.field).toBe(last);
  });

  it("the console's static paths answer 404 for malformed escapes, with or without a file extension", async () => {
    for (const path of ['/%', '/%ZZ', '/assets/%E4%B8.js', '/services/%C0%AF', '/%E4%B8%AD%']) {
      const response = await fetch(`${test.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      await response.arrayBuffer();
    }
  });

  it('a well-formed escape of a non-id character is still an ordinary 400 from the schema (NUL, CJK, #)', async () => {
    for (const value of ['%00', '%E4%B8%AD', '%23']) {
      const response = await fetch(`${test.url}/api/v1/platform/tenants/${value}`, {
        headers: { authorization: `Bearer ${(await test.operator()).token ?? ''}` },
      });
      expect({ value, status: response.status }).toEqual({ value, status: 400 });
      expect(((await response.json()) as ErrorEnvelope).error.details?.[0]?.field).toBe('tenantId');
    }
  });
});

/** POSTs `size` bytes with node:http and resolves with the answer, or rejects if the connection is reset first. */
function postLarge(url: string, path: string, size: number): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const request = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': size } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = (): void => {
      while (sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!request.write(piece)) {
          request.once('drain', write);
          return;
        }
      }
      request.end();
    };
    write();
  });
}

describe('issue 12 #6: a body over the 6 MB limit answers 413 instead of resetting the connection', () => {
  it('a 10 MB POST gets 413 with the error envelope and the connection closed cleanly (node:http)', async () => {
    const answer = await postLarge(test.url, '/api/v1/auth/login', 10 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((JSON.parse(answer.body) as ErrorEnvelope).error.message).toMatch(/6 MB/);
  });

  it('a 10 MB POST gets 413 through fetch too, and the server keeps answering afterwards', async () => {
    const response = await fetch(`${test.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(10 * 1024 * 1024).fill(0x20),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorEnvelope).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await test.anonymous.get('/health')).status).toBe(200);
  });

  it('a body just under the limit is read and handed to the handler (400 for bad JSON, not 413)', async () => {
    const response = await fetch(`${test.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(6 * 1024 * 1024 - 1).fill(0x20),
    });
    expect(response.status).toBe(400);
    await response.arrayBuffer();
  });
});

describe('issue 12 #10: the console is served with a Content-Security-Policy', () => {
  const directives = (policy: string | null) =>
    new Map((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((part) => part[0]).map(([name = '', ...values]) => [name, values]));

  it('index.html, client routes, assets and config.json carry a CSP without inline script, connecting to the API only', async () => {
    for (const path of ['/', '/services/s1', '/config.json', '/favicon.svg']) {
      const response = await fetch(`${test.url}${path}`);
      await response.arrayBuffer();
      const csp = directives(response.headers.get('content-security-policy'));
      expect({ path, script: csp.get('script-src') }).toEqual({ path, script: ["'self'"] });
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      // antd injects its CSS-in-JS as <style> elements at run time, and index.html has one <style>: styles only.
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the placeholder and 404 answers carry it too', async () => {
    const response = await fetch(`${test.url}/missing.js`);
    await response.arrayBuffer();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
