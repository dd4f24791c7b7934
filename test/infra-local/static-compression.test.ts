import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, serveStatic } from '../../infra/local/static-files.js';

/** Issue 15 (first visit): the local server sent 1.5 MB of JavaScript uncompressed. */
describe('the local console server compresses what it serves (issue 15, first visit)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'anze-dist-gz-'));
  mkdirSync(join(dist, 'assets'));
  const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `安责险-${i % 50}`))};\n`;
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>' + ' '.repeat(2000));
  writeFileSync(join(dist, 'assets', 'app-1.js'), script);
  writeFileSync(join(dist, 'assets', 'logo-1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));

  /** A raw request (fetch would decompress and hide the encoding). */
  async function get(path: string, acceptEncoding?: string, method = 'GET') {
    const server = createHttpServer(serveStatic(dist, { auth: { mode: 'local' } }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      return await new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path, method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    } finally {
      server.close();
    }
  }

  it('answers brotli to a browser that takes it, and the bytes are the file', async () => {
    const response = await get('/assets/app-1.js', 'gzip, deflate, br, zstd');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toMatch(/immutable/);
    expect(response.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('answers gzip where brotli is not taken (or refused with q=0), identity where neither is', async () => {
    const gzipped = await get('/assets/app-1.js', 'gzip, br;q=0');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);
    const plain = await get('/assets/app-1.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses index.html for client routes too, and leaves images alone', async () => {
    const route = await get('/platform/tenants', 'br');
    expect(route.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(route.body).toString()).toMatch(/<title>console/);
    const image = await get('/assets/logo-1.png', 'br');
    expect(image.headers['content-encoding']).toBeUndefined();
  });

  it('chooses the encoding from Accept-Encoding', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0.0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
