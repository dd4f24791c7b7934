import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retainUntilFor, tenantArchive, type UploadTicket } from '../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../../functions/adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../functions/adapters/archive/sha256.js';
import { ensureUploadSecret } from '../../infra/local/archive-uploads.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const photo = new TextEncoder().encode('\u00ffJPEG evidence photo of the fixed distribution box');

let test: TestPlatform;
beforeAll(async () => {
  test = await startTestPlatform();
});
afterAll(async () => {
  await test?.stop();
});

let uploadCount = 0;
/** A ticket for `bytes` under a fresh key, made by the store the handlers get (archiveStoreFor, tenant t1's session). */
async function ticketFor(bytes: Uint8Array, options: { contentType?: string; now?: Date; expiresInSeconds?: number } = {}) {
  uploadCount += 1;
  const now = options.now ?? new Date();
  return archiveStoreFor(tenantArchive('t1')).presignUpload({
    key: `tenants/t1/uploads/u${uploadCount}/photo.jpg`,
    contentType: options.contentType ?? 'image/jpeg',
    sha256: sha256Hex(bytes),
    size: bytes.byteLength,
    retainUntil: retainUntilFor(now, 5),
    now,
    expiresInSeconds: options.expiresInSeconds ?? 900,
  });
}

async function send(ticket: UploadTicket, body: Uint8Array, headers: Record<string, string> = ticket.headers, url = ticket.url) {
  const response = await fetch(url, { method: ticket.method, headers, body });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as { error: { code: string; message: string } }) : undefined };
}

describe('SVC-13 direct uploads to the local archive (the twin of a presigned S3 PUT)', () => {
  it('stores the bytes a ticket names, without a bearer token, and answers 200 with an empty body like S3', async () => {
    const ticket = await ticketFor(photo);
    expect(ticket.url.startsWith(`${test.url}/local-archive/tenants/t1/uploads/`)).toBe(true);
    const response = await send(ticket, photo);
    expect(response).toMatchObject({ status: 200, text: '' });
    const stored = await test.platform.archive.get(ticket.key);
    expect(stored?.body).toEqual(photo);
    expect(stored?.object).toMatchObject({ sha256: sha256Hex(photo), size: photo.byteLength, contentType: 'image/jpeg' });
    expect(await test.platform.archive.head(ticket.key)).toEqual(stored?.object);
  });

  it('SVC-10 refuses a second upload to the same key (409), and the first bytes stay', async () => {
    const ticket = await ticketFor(photo);
    expect((await send(ticket, photo)).status).toBe(200);
    const again = await send(ticket, photo);
    expect(again.status).toBe(409);
    expect(again.json?.error.code).toBe('ARCHIVE_EXISTS');
    expect((await test.platform.archive.get(ticket.key))?.body).toEqual(photo);
  });

  it('SVC-10 refuses bytes whose SHA-256 is not the ticket\'s (400, error envelope) and stores nothing', async () => {
    const ticket = await ticketFor(photo);
    const forged = new Uint8Array(photo);
    forged[0] = 0x00;
    const response = await send(ticket, forged);
    expect(response.status).toBe(400);
    expect(response.json?.error).toMatchObject({ code: 'BAD_DIGEST', message: expect.stringMatching(/^SVC-10: .*SHA-256/) });
    expect(await test.platform.archive.head(ticket.key)).toBeUndefined();
  });

  it('refuses more bytes than the ticket allows (413)', async () => {
    const ticket = await ticketFor(photo);
    const response = await send(ticket, new Uint8Array([...photo, 0x21]));
    expect(response.status).toBe(413);
    expect(response.json?.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await test.platform.archive.head(ticket.key)).toBeUndefined();
  });

  it('refuses a ticket whose query, key or Content-Type was changed (403, signature)', async () => {
    const ticket = await ticketFor(photo);
    const bigger = ticket.url.replace(/size=\d+/, `size=${photo.byteLength * 10}`);
    expect((await send(ticket, photo, ticket.headers, bigger)).json?.error.code).toBe('SIGNATURE_DOES_NOT_MATCH');
    const otherKey = ticket.url.replace('/photo.jpg?', '/other.jpg?');
    expect((await send(ticket, photo, ticket.headers, otherKey)).status).toBe(403);
    const html = await send(ticket, photo, { ...ticket.headers, 'content-type': 'text/html' });
    expect(html.status).toBe(403);
    expect(html.json?.error.code).toBe('SIGNATURE_DOES_NOT_MATCH');
    expect(await test.platform.archive.head(ticket.key)).toBeUndefined();
  });

  it('refuses a checksum header other than the ticket\'s, or none (400)', async () => {
    const ticket = await ticketFor(photo);
    const without = await send(ticket, photo, { 'content-type': 'image/jpeg' });
    expect(without.status).toBe(400);
    expect(without.json?.error.code).toBe('CHECKSUM_HEADER_MISMATCH');
    const wrong = await send(ticket, photo, { ...ticket.headers, 'x-amz-checksum-sha256': Buffer.alloc(32).toString('base64') });
    expect(wrong.status).toBe(400);
  });

  it('refuses an expired ticket (403)', async () => {
    const ticket = await ticketFor(photo, { now: new Date(Date.now() - 120_000), expiresInSeconds: 60 });
    const response = await send(ticket, photo);
    expect(response.status).toBe(403);
    expect(response.json?.error.code).toBe('TICKET_EXPIRED');
  });

  it('answers only PUT, signed GET downloads (and the CORS preflight), and leaves the API to the gateway', async () => {
    const ticket = await ticketFor(photo);
    expect((await fetch(ticket.url, { method: 'DELETE' })).status).toBe(405);
    // An upload ticket is no download link: its signature covers a PUT.
    expect((await send(ticket, photo)).status).toBe(200);
    expect((await fetch(ticket.url)).status).toBe(403);
    const preflight = await fetch(ticket.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-checksum-sha256');
    expect((await test.anonymous.get('/no-such-route')).status).toBe(404);
  });
});

describe('issue 12 #9: downloads from the local archive are attachments, never inline', () => {
  const page = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');

  async function stored(bytes: Uint8Array, contentType: string) {
    const ticket = await ticketFor(bytes, { contentType });
    expect((await send(ticket, bytes)).status).toBe(200);
    return ticket.key;
  }

  it('issue 12 #9: serves a signed link with Content-Disposition: attachment and X-Content-Type-Options: nosniff, even for bytes stored as text/html', async () => {
    const key = await stored(page, 'text/html');
    const link = await archiveStoreFor(tenantArchive('t1')).presignDownload({ key, fileName: '现场 "照片".jpg', now: new Date(), expiresInSeconds: 300 });
    expect(link.url.startsWith(`${test.url}/local-archive/${key}?`)).toBe(true);
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="__ ____.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%22%E7%85%A7%E7%89%87%22.jpg`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(page);
  });

  it('issue 12 #9: refuses a download link with a changed name, key or expiry, or an expired one (403), and a missing file (404)', async () => {
    const key = await stored(photo, 'image/jpeg');
    const link = await archiveStoreFor(tenantArchive('t1')).presignDownload({ key, fileName: 'photo.jpg', now: new Date(), expiresInSeconds: 300 });
    const renamed = new URL(link.url);
    renamed.searchParams.set('name', 'photo.html');
    expect((await fetch(renamed)).status).toBe(403);
    const longer = new URL(link.url);
    longer.searchParams.set('expires', String(Number(longer.searchParams.get('expires')) + 3600));
    expect((await fetch(longer)).status).toBe(403);
    expect((await fetch(link.url.replace(key, key.replace('photo.jpg', 'other.jpg')))).status).toBe(403);
    const expired = await archiveStoreFor(tenantArchive('t1')).presignDownload({ key, fileName: 'photo.jpg', now: new Date(Date.now() - 600_000), expiresInSeconds: 60 });
    const late = await fetch(expired.url);
    expect(late.status).toBe(403);
    expect(late.headers.get('x-content-type-options')).toBe('nosniff');
    const absent = await archiveStoreFor(tenantArchive('t1')).presignDownload({ key: 'tenants/t1/uploads/none/photo.jpg', fileName: 'photo.jpg', now: new Date(), expiresInSeconds: 60 });
    expect((await fetch(absent.url)).status).toBe(404);
  });
});

describe('the local upload secret', () => {
  it('is made once per data folder, kept with mode 0600, and the same on the next start', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anze-secret-')), 'upload-secret');
    const secret = ensureUploadSecret(file);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureUploadSecret(file)).toBe(secret);
  });
});
