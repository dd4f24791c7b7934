import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { LocalFsArchiveStore } from '../../../functions/adapters/archive/local-fs-archive-store.js';
import { S3ArchiveStore } from '../../../functions/adapters/archive/s3-archive-store.js';
import { sha256Hex } from '../../../functions/adapters/archive/sha256.js';
import { archiveVersionFile } from '../../../functions/http/reports/report-archive.js';

const s3 = mockClient(S3Client);
const BUCKET = 'anze-test-archive-123456789012-cn-north-1';
const NOW = new Date('2026-08-03T02:00:00.000Z');
const RETAIN = retainUntilFor(NOW, 5);
const pdf = new TextEncoder().encode('%PDF-1.7 忻州 2026年上半年安责险报告');
const digest = sha256Hex(pdf);
const draft = { key: 'tenants/t1/reports/r1/draft-d1/2026-H1.pdf', sha256: digest, size: pdf.byteLength, contentType: 'application/pdf' };
const VERSION_KEY = 'tenants/t1/reports/r1/v1/2026-H1.pdf';
const client = () => new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' } });
const s3Error = (name: string, status: number) => new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });
const storedHead = (bytes: Uint8Array) => ({
  ChecksumSHA256: Buffer.from(sha256Hex(bytes), 'hex').toString('base64'),
  ChecksumType: 'FULL_OBJECT' as const,
  ContentLength: bytes.byteLength,
  ContentType: 'application/pdf',
  LastModified: NOW,
  ObjectLockMode: 'COMPLIANCE' as const,
  ObjectLockRetainUntilDate: RETAIN,
});

describe('RPT-1 SVC-10 a submitted report file is archived write-once on S3 (object lock, COMPLIANCE)', () => {
  beforeEach(() => {
    s3.reset();
    s3.on(GetObjectCommand, { Key: draft.key }).resolves({ ...storedHead(pdf), Body: { transformToByteArray: async () => pdf } as never });
  });

  it('RPT-1 the version file is put with COMPLIANCE retention for the rule set’s years, If-None-Match and its SHA-256', async () => {
    s3.on(PutObjectCommand).resolves({});
    const file = await archiveVersionFile({ archive: new S3ArchiveStore(BUCKET, client()), sha256: sha256Hex }, draft, VERSION_KEY, { retainUntil: RETAIN, now: NOW });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: VERSION_KEY,
      Body: pdf,
      ContentType: 'application/pdf',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date('2031-08-03T02:00:00.000Z'),
      IfNoneMatch: '*',
      ChecksumSHA256: Buffer.from(digest, 'hex').toString('base64'),
    });
    expect(file).toEqual({ key: VERSION_KEY, sha256: digest, size: pdf.byteLength, contentType: 'application/pdf' });
  });

  it('RPT-1 a version key already holding other bytes is refused (409), never overwritten; the same bytes (a retry) are accepted', async () => {
    s3.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));
    const other = new TextEncoder().encode('something else');
    s3.on(HeadObjectCommand).resolves(storedHead(other));
    const store = new S3ArchiveStore(BUCKET, client());
    await expect(archiveVersionFile({ archive: store, sha256: sha256Hex }, draft, VERSION_KEY, { retainUntil: RETAIN, now: NOW })).rejects.toBeInstanceOf(Conflict);
    s3.on(HeadObjectCommand).resolves(storedHead(pdf));
    await expect(archiveVersionFile({ archive: store, sha256: sha256Hex }, draft, VERSION_KEY, { retainUntil: RETAIN, now: NOW })).resolves.toMatchObject({ sha256: digest });
  });

  it('RPT-1 a draft whose stored bytes no longer match the digest recorded at generation is not submitted', async () => {
    s3.on(GetObjectCommand, { Key: draft.key }).resolves({ ...storedHead(pdf), Body: { transformToByteArray: async () => new Uint8Array([1, 2, 3]) } as never });
    await expect(archiveVersionFile({ archive: new S3ArchiveStore(BUCKET, client()), sha256: sha256Hex }, draft, VERSION_KEY, { retainUntil: RETAIN, now: NOW })).rejects.toThrow(/RPT-1/);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});

describe('RPT-1 SVC-10 the local archive refuses to change a submitted version file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anze-report-archive-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('RPT-1 the version file is written once; other bytes under its key are refused and it cannot be deleted before retain-until', async () => {
    const store = new LocalFsArchiveStore(dir);
    await store.put({ key: draft.key, body: pdf, contentType: 'application/pdf', retainUntil: RETAIN, now: NOW });
    const deps = { archive: store, sha256: sha256Hex };
    expect(await archiveVersionFile(deps, draft, VERSION_KEY, { retainUntil: RETAIN, now: NOW })).toMatchObject({ sha256: digest });
    const forged = { ...draft, key: 'tenants/t1/reports/r1/draft-d2/2026-H1.pdf', sha256: sha256Hex(new Uint8Array([9])) };
    await store.put({ key: forged.key, body: new Uint8Array([9]), contentType: 'application/pdf', retainUntil: RETAIN, now: NOW });
    await expect(archiveVersionFile(deps, forged, VERSION_KEY, { retainUntil: RETAIN, now: NOW })).rejects.toBeInstanceOf(Conflict);
    expect((await store.get(VERSION_KEY))?.object.sha256).toBe(digest);
    await expect(store.delete(VERSION_KEY, NOW)).rejects.toThrow(/retained until/);
  });
});
