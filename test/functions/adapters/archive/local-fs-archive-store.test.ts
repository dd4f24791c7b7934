import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveExists, ArchiveRetained, regulatorArchive, retainUntilFor, tenantArchive } from '../../../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../../../../functions/adapters/archive/archive-store-from-env.js';
import { LocalTwinArchiveStore } from '../../../../functions/adapters/iam-twin/archive-twin.js';
import { sha256Hex } from '../../../../functions/adapters/archive/sha256.js';
import { LocalFsArchiveStore } from '../../../../functions/adapters/archive/local-fs-archive-store.js';
import { S3ArchiveStore } from '../../../../functions/adapters/archive/s3-archive-store.js';
import { signLocalUpload, verifyLocalUpload } from '../../../../functions/adapters/archive/local-upload-signature.js';

const CITY_EMB = regulatorArchive({ agency: 'EMB_CITY' });
const NOW = new Date('2026-11-28T08:00:00.000Z');
const RETAIN = retainUntilFor(NOW, 5);
const body = new TextEncoder().encode('{"service":"s1","items":["隐患排查"]}');
const SECRET = 'a'.repeat(64);

describe('SVC-10 the local write-once archive store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'anze-archive-'));
  });
  afterEach(() => {
    // Files are read-only (0444); their folders are not, so removal works.
    rmSync(root, { recursive: true, force: true });
  });
  const put = (store: LocalFsArchiveStore, key: string, bytes = body) =>
    store.put({ key, body: bytes, contentType: 'application/json', retainUntil: RETAIN, now: NOW });

  it('SVC-10 keeps five years from archiving: retain-until is the archiving instant plus five years', () => {
    expect(RETAIN.toISOString()).toBe('2031-11-28T08:00:00.000Z');
    expect(retainUntilFor(new Date('2024-02-29T00:00:00Z'), 5).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });

  it('SVC-10 lengthens a retention as S3 does (five years from archiving), never shortens it, and refuses delete until then', async () => {
    const store = new LocalFsArchiveStore(root);
    const key = 'tenants/t1/uploads/u1/photo.jpg';
    await put(store, key);
    const archivedAt = new Date('2027-03-01T02:00:00.000Z');
    const extended = await store.extendRetention({ key, retainUntil: retainUntilFor(archivedAt, 5), now: archivedAt });
    expect(extended).toMatchObject({ key, sha256: sha256Hex(body), retainUntil: '2032-03-01T02:00:00.000Z' });
    expect((await new LocalFsArchiveStore(root).head(key))?.retainUntil).toBe('2032-03-01T02:00:00.000Z');
    // An earlier date changes nothing.
    expect((await store.extendRetention({ key, retainUntil: RETAIN, now: archivedAt }))?.retainUntil).toBe('2032-03-01T02:00:00.000Z');
    await expect(store.delete(key, new Date('2031-12-01T00:00:00Z'))).rejects.toBeInstanceOf(ArchiveRetained);
    expect(await store.extendRetention({ key: 'tenants/t1/missing.json', retainUntil: RETAIN, now: NOW })).toBeUndefined();
  });

  it('SVC-10 stores bytes with their SHA-256 and returns them unchanged after a restart', async () => {
    const stored = await put(new LocalFsArchiveStore(root), 'tenants/t1/services/s1/record.json');
    expect(stored).toMatchObject({ sha256: sha256Hex(body), size: body.byteLength, retainUntil: '2031-11-28T08:00:00.000Z' });
    const reopened = await new LocalFsArchiveStore(root).get('tenants/t1/services/s1/record.json');
    expect(reopened?.body).toEqual(body);
    expect(reopened?.object.sha256).toBe(stored.sha256);
  });

  it('SVC-10 refuses to overwrite an archive, and the first bytes stay', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/a.json');
    await expect(put(store, 'tenants/t1/a.json', new TextEncoder().encode('changed'))).rejects.toBeInstanceOf(ArchiveExists);
    expect((await store.get('tenants/t1/a.json'))?.body).toEqual(body);
  });

  it('SVC-10 refuses delete before retain-until, and the archive stays', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/b.json');
    await expect(store.delete('tenants/t1/b.json', new Date('2031-11-28T07:59:59.999Z'))).rejects.toBeInstanceOf(ArchiveRetained);
    expect(await store.head('tenants/t1/b.json')).toBeDefined();
    await store.delete('tenants/t1/b.json', RETAIN);
    expect(await store.head('tenants/t1/b.json')).toBeUndefined();
  });

  it('SVC-10 after a restart (a new store on the same folder) still refuses overwrite and early delete', async () => {
    await put(new LocalFsArchiveStore(root), 'tenants/t1/c.json');
    const restarted = new LocalFsArchiveStore(root);
    await expect(put(restarted, 'tenants/t1/c.json', new TextEncoder().encode('again'))).rejects.toBeInstanceOf(ArchiveExists);
    await expect(restarted.delete('tenants/t1/c.json', NOW)).rejects.toBeInstanceOf(ArchiveRetained);
    expect((await restarted.get('tenants/t1/c.json'))?.body).toEqual(body);
  });

  it('SVC-10 a file edited on disk no longer matches the digest recorded at write time', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/d.json');
    const path = join(root, 'tenants', 't1', 'd.json');
    chmodSync(path, 0o644);
    writeFileSync(path, 'forged record');
    const reread = await store.get('tenants/t1/d.json');
    expect(reread?.object.sha256).toBe(sha256Hex(body));
    expect(sha256Hex(reread?.body as Uint8Array)).not.toBe(reread?.object.sha256);
    expect((await store.head('tenants/t1/d.json'))?.sha256).toBe(sha256Hex(body));
  });

  it('head gives the metadata without reading the bytes, and undefined for a missing key', async () => {
    const store = new LocalFsArchiveStore(root);
    const stored = await put(store, 'tenants/t1/e.json');
    // Bytes that cannot be read as a file (a folder in their place; chmod would not stop root) prove head
    // never reads them, while get does.
    const path = join(root, 'tenants', 't1', 'e.json');
    chmodSync(path, 0o644);
    rmSync(path);
    mkdirSync(path);
    expect(await store.head('tenants/t1/e.json')).toEqual(stored);
    await expect(store.get('tenants/t1/e.json')).rejects.toThrow(/EISDIR/);
    expect(await store.head('tenants/t1/none.json')).toBeUndefined();
  });

  it('metadata left by a crash before the bytes were written is not an archive', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/f.json');
    const path = join(root, 'tenants', 't1', 'f.json');
    chmodSync(path, 0o644);
    rmSync(path);
    expect(await store.head('tenants/t1/f.json')).toBeUndefined();
  });

  it('refuses keys outside a tenant folder or with path tricks', async () => {
    const store = new LocalFsArchiveStore(root);
    for (const key of ['tenants/t1/../t2/x', '../x', 'tenants//x', 'other/t1/x', 'tenants/t1/x.archive-meta.json']) {
      await expect(put(store, key)).rejects.toThrow(/unsafe archive key/);
      await expect(store.head(key)).rejects.toThrow(/unsafe archive key/);
    }
  });
});

describe('SVC-13 local upload tickets, the same shape as presigned S3 PUTs', () => {
  const root = mkdtempSync(join(tmpdir(), 'anze-archive-ticket-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const digest = sha256Hex(body);
  const ticketInput = {
    key: 'tenants/t1/uploads/u1/photo.jpg',
    contentType: 'image/jpeg',
    sha256: digest,
    size: body.byteLength,
    retainUntil: RETAIN,
    now: NOW,
    expiresInSeconds: 900,
  };

  it('points at the local server with the signed grant in the query and the headers to send', async () => {
    const store = new LocalFsArchiveStore(root, { uploadBaseUrl: 'http://127.0.0.1:3000/', uploadSecret: SECRET });
    const ticket = await store.presignUpload(ticketInput);
    const expires = Math.floor(NOW.getTime() / 1000) + 900;
    expect(ticket).toMatchObject({ key: ticketInput.key, method: 'PUT', expiresAt: '2026-11-28T08:15:00.000Z' });
    expect(ticket.headers).toEqual({ 'content-type': 'image/jpeg', 'x-amz-checksum-sha256': Buffer.from(digest, 'hex').toString('base64') });
    const url = new URL(ticket.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:3000/local-archive/tenants/t1/uploads/u1/photo.jpg');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      expires: String(expires),
      sha256: digest,
      size: String(body.byteLength),
      retain: '2031-11-28T08:00:00.000Z',
      sig: signLocalUpload(SECRET, { key: ticketInput.key, expires, sha256: digest, size: body.byteLength, retain: RETAIN.toISOString(), contentType: 'image/jpeg' }),
    });
  });

  it('signs the content type too: the same URL with another Content-Type does not verify', async () => {
    const store = new LocalFsArchiveStore(root, { uploadBaseUrl: 'http://127.0.0.1:3000', uploadSecret: SECRET });
    const url = new URL((await store.presignUpload(ticketInput)).url);
    const grant = {
      key: ticketInput.key,
      expires: Number(url.searchParams.get('expires')),
      sha256: digest,
      size: body.byteLength,
      retain: RETAIN.toISOString(),
      contentType: 'image/jpeg',
    };
    const sig = url.searchParams.get('sig') as string;
    expect(verifyLocalUpload(SECRET, grant, sig)).toBe(true);
    expect(verifyLocalUpload(SECRET, { ...grant, contentType: 'text/html' }, sig)).toBe(false);
    expect(verifyLocalUpload(SECRET, { ...grant, size: grant.size + 1 }, sig)).toBe(false);
    expect(verifyLocalUpload('b'.repeat(64), grant, sig)).toBe(false);
  });

  it('cannot make a ticket without the server URL and secret, or for a malformed digest', async () => {
    await expect(new LocalFsArchiveStore(root).presignUpload(ticketInput)).rejects.toThrow(/uploadBaseUrl and uploadSecret/);
    const store = new LocalFsArchiveStore(root, { uploadBaseUrl: 'http://127.0.0.1:3000', uploadSecret: SECRET });
    await expect(store.presignUpload({ ...ticketInput, sha256: digest.toUpperCase() })).rejects.toThrow(/sha256 must be 64 lower-case hex/);
    await expect(store.presignUpload({ ...ticketInput, key: 'tenants/../x' })).rejects.toThrow(/unsafe archive key/);
  });
});

describe('archiveStoreFor (the caller’s session)', () => {
  const T1 = tenantArchive('t1');
  it('is S3 when ARCHIVE_BUCKET is set, else the local store at ANZE_ARCHIVE_DIR behind the IAM twin (one disk store per configuration)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anze-archive-env-'));
    expect(archiveStoreFor(T1, { ANZE_ARCHIVE_DIR: dir })).toBeInstanceOf(LocalTwinArchiveStore);
    const bare = archiveStoreFor(T1, { ANZE_ARCHIVE_DIR: dir, ANZE_LOCAL_IAM: 'off' });
    expect(bare).toBeInstanceOf(LocalFsArchiveStore);
    expect(archiveStoreFor(tenantArchive('t2'), { ANZE_ARCHIVE_DIR: dir, ANZE_LOCAL_IAM: 'off' })).toBe(bare);
    expect(archiveStoreFor(T1, { ARCHIVE_BUCKET: 'anze-dev-archive', ANZE_ARCHIVE_DIR: dir })).toBeInstanceOf(S3ArchiveStore);
    expect(() => archiveStoreFor(T1, {})).toThrow(/ARCHIVE_BUCKET .* ANZE_ARCHIVE_DIR/);
  });

  it('ACL-1 (issue 21, layer 2): a tenant’s session reads and writes its own prefix only — another tenant’s key fails as S3’s AccessDenied, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anze-archive-twin-'));
    const t2 = archiveStoreFor(tenantArchive('t2'), { ANZE_ARCHIVE_DIR: dir });
    await t2.put({ key: 'tenants/t2/archives/a1/record.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW });
    const t1 = archiveStoreFor(T1, { ANZE_ARCHIVE_DIR: dir });
    const denied = { name: 'AccessDenied', $metadata: expect.objectContaining({ httpStatusCode: 403 }) };
    await expect(t1.get('tenants/t2/archives/a1/record.json')).rejects.toMatchObject(denied);
    await expect(t1.head('tenants/t2/archives/a1/record.json')).rejects.toMatchObject(denied);
    await expect(t1.put({ key: 'tenants/t2/archives/a2/x.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW })).rejects.toMatchObject(denied);
    await expect(t1.presignDownload({ key: 'tenants/t2/archives/a1/record.json', fileName: 'r.json', now: NOW, expiresInSeconds: 60 })).rejects.toMatchObject(denied);
    expect(await t2.head('tenants/t2/archives/a2/x.json')).toBeUndefined();
    expect((await t2.get('tenants/t2/archives/a1/record.json'))?.object.sha256).toBe(sha256Hex(body));
  });

  it('ACL-2 the regulators’ session reads every tenant’s prefix and writes none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anze-archive-twin-'));
    await archiveStoreFor(tenantArchive('t2'), { ANZE_ARCHIVE_DIR: dir }).put({ key: 'tenants/t2/a.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW });
    const regulators = archiveStoreFor(CITY_EMB, { ANZE_ARCHIVE_DIR: dir });
    expect((await regulators.head('tenants/t2/a.json'))?.sha256).toBe(sha256Hex(body));
    await expect(regulators.put({ key: 'tenants/t2/b.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW })).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(regulators.extendRetention({ key: 'tenants/t2/a.json', retainUntil: retainUntilFor(NOW, 6), now: NOW })).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('reads the local server URL and upload secret when a ticket is made, not when the store is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anze-archive-env-'));
    const env: NodeJS.ProcessEnv = { ANZE_ARCHIVE_DIR: dir };
    const store = archiveStoreFor(T1, env);
    env.ANZE_LOCAL_ARCHIVE_URL = 'http://127.0.0.1:4321';
    env.ANZE_LOCAL_UPLOAD_SECRET = SECRET;
    const ticket = await store.presignUpload({
      key: 'tenants/t1/uploads/u2/a.pdf',
      contentType: 'application/pdf',
      sha256: sha256Hex(body),
      size: body.byteLength,
      retainUntil: RETAIN,
      now: NOW,
      expiresInSeconds: 60,
    });
    expect(ticket.url.startsWith('http://127.0.0.1:4321/local-archive/tenants/t1/uploads/u2/a.pdf?')).toBe(true);
  });

  it('sha256Hex is the lower-case hex SHA-256', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
