import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveExists, ArchiveRetained, regulatorArchive, retainUntilFor, tenantArchive } from '../../../../domain/archive/archive-store.js';
import type { FolderArchiveRecords } from '../../../../domain/archive/folder.js';
import { archiveFolderFile } from '../../../../domain/archive/folder-archiving.js';
import type { ArchiveRecord } from '../../../../domain/services/archive-record.schema.js';
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

  it('SVC-10 a crash after the bytes were committed and before their metadata: not an archive yet; the replayed put completes the metadata from the stored bytes and answers ArchiveExists', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/archives/POL-1-v1/policy.json');
    // What kill -9 between put's two links leaves: the bytes in place, no metadata beside them.
    rmSync(join(root, 'tenants', 't1', 'archives', 'POL-1-v1', 'policy.json.archive-meta.json'));
    expect(await store.head('tenants/t1/archives/POL-1-v1/policy.json')).toBeUndefined();

    // The replay renders the document again (another archiving instant in it): the first bytes stay the archive.
    const replayed = new TextEncoder().encode('{"archivedAt":"later"}');
    const later = new Date('2026-11-28T09:00:00.000Z');
    const again = store.put({ key: 'tenants/t1/archives/POL-1-v1/policy.json', body: replayed, contentType: 'application/json', retainUntil: retainUntilFor(later, 5), now: later });
    await expect(again).rejects.toBeInstanceOf(ArchiveExists);
    expect(await store.head('tenants/t1/archives/POL-1-v1/policy.json')).toEqual({
      key: 'tenants/t1/archives/POL-1-v1/policy.json',
      sha256: sha256Hex(body),
      size: body.byteLength,
      contentType: 'application/json',
      storedAt: later.toISOString(),
      retainUntil: retainUntilFor(later, 5).toISOString(),
    });
    expect((await store.get('tenants/t1/archives/POL-1-v1/policy.json'))?.body).toEqual(body);
  });

  it('SVC-10 metadata left without bytes by the earlier order (metadata first): the next put stores the bytes and metadata that describe them', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/g.json');
    const path = join(root, 'tenants', 't1', 'g.json');
    chmodSync(path, 0o644);
    rmSync(path);
    const bytes = new TextEncoder().encode('{"second":"attempt"}');
    const stored = await put(store, 'tenants/t1/g.json', bytes);
    expect(stored.sha256).toBe(sha256Hex(bytes));
    expect(await store.head('tenants/t1/g.json')).toEqual(stored);
    expect((await store.get('tenants/t1/g.json'))?.body).toEqual(bytes);
  });

  it('SVC-10 of eight writers of one key at once exactly one commits; the others get ArchiveExists, and the winner’s bytes and digest stay', async () => {
    const store = new LocalFsArchiveStore(root);
    const versions = Array.from({ length: 8 }, (_, i) => new TextEncoder().encode(`{"writer":${i}}`));
    const outcomes = await Promise.allSettled(versions.map((bytes) => put(store, 'tenants/t1/race.json', bytes)));
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(won).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ArchiveExists);
    const stored = await store.get('tenants/t1/race.json');
    expect(stored?.object).toEqual(won[0]);
    expect(sha256Hex(stored?.body ?? new Uint8Array())).toBe(won[0]?.sha256);
  });

  it('leaves no staged file behind, after a commit or a refusal', async () => {
    const store = new LocalFsArchiveStore(root);
    await put(store, 'tenants/t1/h.json');
    await expect(put(store, 'tenants/t1/h.json')).rejects.toBeInstanceOf(ArchiveExists);
    expect(readdirSync(join(root, '.staging'))).toEqual([]);
    expect(readdirSync(join(root, 'tenants', 't1')).sort()).toEqual(['h.json', 'h.json.archive-meta.json']);
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

describe('SVC-10 archiving a folder document again after kill -9 (issue 12 fault test)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'anze-archive-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The folder's records, as the table keeps them: one per archive id, a replay leaves the first. */
  const recordsInMemory = (): FolderArchiveRecords & { readonly all: Map<string, ArchiveRecord> } => {
    const all = new Map<string, ArchiveRecord>();
    return {
      all,
      record: async (tenantId, archiveId) => all.get(`${tenantId}/${archiveId}`),
      create: async (record) => {
        if (all.has(`${record.tenantId}/${record.archiveId}`)) return false;
        all.set(`${record.tenantId}/${record.archiveId}`, record);
        return true;
      },
    };
  };
  const archivePolicy = (archive: LocalFsArchiveStore, records: FolderArchiveRecords, now: Date) =>
    archiveFolderFile(
      { archive, records },
      {
        tenantId: 't1',
        archiveId: 'POL-p1-v1',
        kind: 'POLICY',
        file: (archivedAt) => ({ fileName: 'policy.json', contentType: 'application/json', body: JSON.stringify({ policy: 'p1', archivedAt }) }),
        subject: { kind: 'POLICY', id: 'p1' },
        policyId: 'p1',
        enterpriseUscc: '91140902100079190P',
        retainUntil: retainUntilFor(now, 5),
        now,
        by: 'projection',
      },
    );

  it('the event replayed after a crash between the bytes and their metadata records the first bytes’ digest, instead of failing for ever', async () => {
    const archive = new LocalFsArchiveStore(root);
    const first = new Date('2026-12-07T08:11:00.000Z');
    await archive.put({
      key: 'tenants/t1/archives/POL-p1-v1/policy.json',
      body: new TextEncoder().encode(JSON.stringify({ policy: 'p1', archivedAt: first.toISOString() })),
      contentType: 'application/json',
      retainUntil: retainUntilFor(first, 5),
      now: first,
    });
    // kill -9 after the bytes' link: no metadata, and no record in the table (the projection never got that far).
    rmSync(join(root, 'tenants', 't1', 'archives', 'POL-p1-v1', 'policy.json.archive-meta.json'));
    const records = recordsInMemory();

    const { record, created } = await archivePolicy(new LocalFsArchiveStore(root), records, new Date('2026-12-07T08:12:00.000Z'));
    expect(created).toBe(true);
    const stored = await new LocalFsArchiveStore(root).get(record.key);
    expect(record.sha256).toBe(sha256Hex(stored?.body ?? new Uint8Array()));
    expect(new TextDecoder().decode(stored?.body)).toContain(first.toISOString());
    // And a further replay answers the record as it is.
    expect(await archivePolicy(new LocalFsArchiveStore(root), records, new Date('2026-12-07T08:13:00.000Z'))).toEqual({ record, created: false });
  });
});
