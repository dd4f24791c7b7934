import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertJava } from '../../infra/local/dynamodb-local.js';
import { explainListenError } from '../../infra/local/ports.js';
import { serveStatic } from '../../infra/local/static-files.js';

describe('what a new user is told', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says how to install Java when it is missing', () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    expect(() => assertJava()).toThrow(/Java 17 or newer is needed.*\n.*apt-get install -y openjdk-17-jre-headless/);
  });

  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const server = createHttpServer();
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      server.once('error', resolve);
      server.listen(port, '127.0.0.1');
    });
    blocker.close();
    expect(explainListenError(error, port).message).toBe(
      `Port ${port} is already in use. Stop what is using it, or start with another: PORT=3001 npm start`,
    );
  });
});

describe('the console on the same origin', () => {
  const dist = mkdtempSync(join(tmpdir(), 'anze-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'secret');

  async function get(path: string) {
    const server = createHttpServer(serveStatic(dist, { auth: { mode: 'local' } }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, text: await response.text(), headers: response.headers };
    } finally {
      server.close();
    }
  }

  it('serves files, index.html for client routes, and the runtime config', async () => {
    expect((await get('/assets/app-1.js')).headers.get('cache-control')).toMatch(/immutable/);
    expect((await get('/platform/tenants')).text).toMatch(/<title>console/);
    expect(JSON.parse((await get('/config.json')).text)).toEqual({ auth: { mode: 'local' } });
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the console folder', async () => {
    const escaped = await get('/..%2f..%2fsecret.txt');
    expect(escaped.text).not.toBe('secret');
  });
});
