import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
// The STS client `fromTemporaryCredentials` makes (functions/adapters/sts/role-session.ts) is the SDK's own, from
// @aws-sdk/nested-clients: mocked here at the SDK boundary, the one place that names it.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveExists, ArchiveRetained, regulatorArchive, retainUntilFor, tenantArchive } from '../../../../domain/archive/archive-store.js';
import { S3ArchiveStore, ScopedS3Clients } from '../../../../functions/adapters/archive/s3-archive-store.js';
import { sha256Hex } from '../../../../functions/adapters/archive/sha256.js';

const s3 = mockClient(S3Client);
const BUCKET = 'anze-test-archive-123456789012-cn-north-1';
const CITY_EMB = regulatorArchive({ agency: 'EMB_CITY' });
const NOW = new Date('2026-11-28T08:00:00.000Z');
const RETAIN = retainUntilFor(NOW, 5);
const body = new TextEncoder().encode('{"service":"s1","hazards":["配电箱未接地"]}');
const digestHex = sha256Hex(body);
const digestBase64 = Buffer.from(digestHex, 'hex').toString('base64');
/** Fixed fake credentials: the presigned URL is then a pure function of its inputs. */
const client = () => new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' } });

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });
}

const stored = {
  ChecksumSHA256: digestBase64,
  ChecksumType: 'FULL_OBJECT' as const,
  ContentLength: body.byteLength,
  ContentType: 'application/json',
  LastModified: NOW,
  ObjectLockMode: 'COMPLIANCE' as const,
  ObjectLockRetainUntilDate: RETAIN,
  VersionId: 'v1',
};

describe('SVC-10 the S3 archive store (object lock, COMPLIANCE)', () => {
  beforeEach(() => s3.reset());

  it('SVC-10 writes once, with compliance retention until retain-until and the SHA-256 S3 checks — exactly these parameters', async () => {
    s3.on(PutObjectCommand).resolves({});
    const object = await new S3ArchiveStore(BUCKET, client()).put({
      key: 'tenants/t1/archives/a1/service-record.json',
      body,
      contentType: 'application/json',
      retainUntil: RETAIN,
      now: NOW,
    });
    const expected = {
      Bucket: BUCKET,
      Key: 'tenants/t1/archives/a1/service-record.json',
      Body: body,
      ContentType: 'application/json',
      ObjectLockMode: 'COMPLIANCE' as const,
      ObjectLockRetainUntilDate: RETAIN,
      IfNoneMatch: '*',
      ChecksumSHA256: digestBase64,
    };
    expect(s3).toHaveReceivedCommandExactlyOnceWith(PutObjectCommand, expected);
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual(expected);
    expect(object).toEqual({
      key: 'tenants/t1/archives/a1/service-record.json',
      sha256: digestHex,
      size: body.byteLength,
      contentType: 'application/json',
      storedAt: NOW.toISOString(),
      retainUntil: '2031-11-28T08:00:00.000Z',
    });
  });

  it.each([
    ['PreconditionFailed', 412],
    ['ConditionalRequestConflict', 409],
  ])('SVC-10 refuses to overwrite: S3 %s (%i) is ArchiveExists', async (name, status) => {
    s3.on(PutObjectCommand).rejects(s3Error(name, status));
    const put = new S3ArchiveStore(BUCKET, client()).put({ key: 'tenants/t1/a.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW });
    await expect(put).rejects.toBeInstanceOf(ArchiveExists);
  });

  it('passes other S3 failures through unchanged', async () => {
    s3.on(PutObjectCommand).rejects(s3Error('InternalError', 500));
    const put = new S3ArchiveStore(BUCKET, client()).put({ key: 'tenants/t1/a.json', body, contentType: 'application/json', retainUntil: RETAIN, now: NOW });
    await expect(put).rejects.toThrow('InternalError');
  });

  it('SVC-10 head asks for the stored checksum and maps it (base64 → hex), the size, type and retain-until', async () => {
    s3.on(HeadObjectCommand).resolves(stored);
    const object = await new S3ArchiveStore(BUCKET, client()).head('tenants/t1/a.json');
    expect(s3.commandCalls(HeadObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: 'tenants/t1/a.json', ChecksumMode: 'ENABLED' });
    expect(object).toEqual({
      key: 'tenants/t1/a.json',
      sha256: digestHex,
      size: body.byteLength,
      contentType: 'application/json',
      storedAt: NOW.toISOString(),
      retainUntil: RETAIN.toISOString(),
    });
  });

  it.each([
    ['NotFound', 404],
    ['Forbidden', 403],
  ])('head answers undefined for %s (%i): without s3:ListBucket S3 says 403 for a missing key', async (name, status) => {
    s3.on(HeadObjectCommand).rejects(s3Error(name, status));
    expect(await new S3ArchiveStore(BUCKET, client()).head('tenants/t1/missing.json')).toBeUndefined();
  });

  it('refuses a composite (multipart) checksum rather than report a wrong digest', async () => {
    s3.on(HeadObjectCommand).resolves({ ...stored, ChecksumSHA256: `${digestBase64.slice(0, 40)}abc=-3` });
    await expect(new S3ArchiveStore(BUCKET, client()).head('tenants/t1/a.json')).rejects.toThrow(/no full-object SHA-256/);
  });

  it('SVC-10 get reads the bytes with checksum validation and maps the metadata', async () => {
    s3.on(GetObjectCommand).resolves({ ...stored, Body: { transformToByteArray: async () => body } as never });
    const got = await new S3ArchiveStore(BUCKET, client()).get('tenants/t1/a.json');
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: 'tenants/t1/a.json', ChecksumMode: 'ENABLED' });
    expect(got?.body).toEqual(body);
    expect(got?.object.sha256).toBe(digestHex);
    expect(sha256Hex(got?.body as Uint8Array)).toBe(got?.object.sha256);
    s3.on(GetObjectCommand).rejects(s3Error('NoSuchKey', 404));
    expect(await new S3ArchiveStore(BUCKET, client()).get('tenants/t1/missing.json')).toBeUndefined();
  });

  it('SVC-10 refuses delete before retain-until without asking S3 to delete', async () => {
    s3.on(HeadObjectCommand).resolves(stored);
    const store = new S3ArchiveStore(BUCKET, client());
    await expect(store.delete('tenants/t1/a.json', new Date('2031-11-28T07:59:59.999Z'))).rejects.toBeInstanceOf(ArchiveRetained);
    expect(s3).toHaveReceivedCommandTimes(DeleteObjectCommand, 0);
  });

  it('after retain-until deletes the version itself, not just a delete marker', async () => {
    s3.on(HeadObjectCommand).resolves(stored);
    s3.on(DeleteObjectCommand).resolves({});
    await new S3ArchiveStore(BUCKET, client()).delete('tenants/t1/a.json', RETAIN);
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: 'tenants/t1/a.json', VersionId: 'v1' });
  });

  it('SVC-10 an evidence file becomes part of an archive: its compliance retention is lengthened to five years from archiving — exactly these parameters', async () => {
    s3.on(HeadObjectCommand).resolves(stored);
    s3.on(PutObjectRetentionCommand).resolves({});
    const archivedAt = new Date('2027-03-01T02:00:00.000Z');
    const object = await new S3ArchiveStore(BUCKET, client()).extendRetention({
      key: 'tenants/t1/uploads/u1/photo.jpg',
      retainUntil: retainUntilFor(archivedAt, 5),
      now: archivedAt,
    });
    const expected = {
      Bucket: BUCKET,
      Key: 'tenants/t1/uploads/u1/photo.jpg',
      VersionId: 'v1',
      Retention: { Mode: 'COMPLIANCE' as const, RetainUntilDate: new Date('2032-03-01T02:00:00.000Z') },
    };
    expect(s3).toHaveReceivedCommandExactlyOnceWith(PutObjectRetentionCommand, expected);
    expect(s3.commandCalls(PutObjectRetentionCommand)[0]?.args[0].input).toEqual(expected);
    expect(object).toMatchObject({ key: 'tenants/t1/uploads/u1/photo.jpg', sha256: digestHex, retainUntil: '2032-03-01T02:00:00.000Z' });
  });

  it('SVC-10 never shortens a retention: a retain-until already as late is left alone, and S3 is not asked', async () => {
    s3.on(HeadObjectCommand).resolves(stored);
    const object = await new S3ArchiveStore(BUCKET, client()).extendRetention({ key: 'tenants/t1/a.json', retainUntil: new Date('2030-01-01T00:00:00Z'), now: NOW });
    expect(object?.retainUntil).toBe(RETAIN.toISOString());
    expect(s3).toHaveReceivedCommandTimes(PutObjectRetentionCommand, 0);
  });

  it('SVC-10 lengthening the retention of an absent key answers undefined', async () => {
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    expect(await new S3ArchiveStore(BUCKET, client()).extendRetention({ key: 'tenants/t1/missing.json', retainUntil: RETAIN, now: NOW })).toBeUndefined();
    expect(s3).toHaveReceivedCommandTimes(PutObjectRetentionCommand, 0);
  });

  it('refuses keys outside a tenant folder before calling S3', async () => {
    const store = new S3ArchiveStore(BUCKET, client());
    await expect(store.head('tenants/t1/../t2/a.json')).rejects.toThrow(/unsafe archive key/);
    await expect(store.put({ key: 'other/a.json', body, contentType: 'text/plain', retainUntil: RETAIN, now: NOW })).rejects.toThrow(/unsafe/);
    expect(s3.calls()).toHaveLength(0);
  });
});

describe('SVC-13 presigned evidence uploads straight to S3', () => {
  const key = 'tenants/t1/uploads/u1/photo.jpg';
  const presign = () =>
    new S3ArchiveStore(BUCKET, client()).presignUpload({
      key,
      contentType: 'image/jpeg',
      sha256: digestHex,
      size: body.byteLength,
      retainUntil: RETAIN,
      now: NOW,
      expiresInSeconds: 900,
    });

  it('signs the type, the digest, compliance retention and If-None-Match, so S3 refuses anything else', async () => {
    const ticket = await presign();
    const url = new URL(ticket.url);
    expect(url.pathname).toBe(`/${key}`);
    expect(url.hostname).toBe(`${BUCKET}.s3.cn-north-1.amazonaws.com.cn`);
    const signed = url.searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(
      expect.arrayContaining([
        'content-type',
        'if-none-match',
        'x-amz-checksum-sha256',
        'x-amz-object-lock-mode',
        'x-amz-object-lock-retain-until-date',
      ]),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261128T080000Z');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAFAKEFAKEFAKE\/20261128\/cn-north-1\/s3\/aws4_request$/);
    // Kept as headers, not hoisted into the query where they would not bind the request's own headers.
    expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
    expect(url.searchParams.has('x-amz-object-lock-mode')).toBe(false);
  });

  it('tells the client exactly the signed headers to send, and when the ticket expires', async () => {
    const ticket = await presign();
    expect(ticket).toMatchObject({ key, method: 'PUT', expiresAt: '2026-11-28T08:15:00.000Z' });
    expect(ticket.headers).toEqual({
      'content-type': 'image/jpeg',
      'if-none-match': '*',
      'x-amz-checksum-sha256': digestBase64,
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': '2031-11-28T08:00:00Z',
    });
    const signed = new URL(ticket.url).searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
    expect(Object.keys(ticket.headers).sort()).toEqual(signed.filter((header) => header !== 'host').sort());
    expect(s3.calls()).toHaveLength(0);
  });

  it('signs a different URL for a different digest (the digest is part of the signature)', async () => {
    const one = await presign();
    const other = await new S3ArchiveStore(BUCKET, client()).presignUpload({
      key,
      contentType: 'image/jpeg',
      sha256: sha256Hex(new TextEncoder().encode('other')),
      size: 5,
      retainUntil: RETAIN,
      now: NOW,
      expiresInSeconds: 900,
    });
    expect(new URL(other.url).searchParams.get('X-Amz-Signature')).not.toBe(new URL(one.url).searchParams.get('X-Amz-Signature'));
  });
});

describe('issue 12 #9: archive downloads from S3 are attachments, never inline', () => {
  beforeEach(() => s3.reset());

  it('issue 12 #9: presigns a GET with ResponseContentDisposition: attachment and the file name, signed, and sends nothing to S3', async () => {
    const key = 'tenants/t1/uploads/u1/file.jpg';
    const ticket = await new S3ArchiveStore(BUCKET, client()).presignDownload({ key, fileName: '现场 "1".jpg', now: NOW, expiresInSeconds: 300 });
    expect(ticket).toMatchObject({ key, method: 'GET', expiresAt: '2026-11-28T08:05:00.000Z' });
    const url = new URL(ticket.url);
    expect(url.hostname).toBe(`${BUCKET}.s3.cn-north-1.amazonaws.com.cn`);
    expect(url.pathname).toBe(`/${key}`);
    expect(Object.fromEntries([...url.searchParams].filter(([name]) => !name.startsWith('X-Amz-')))).toEqual({
      'response-content-disposition': `attachment; filename="__ _1_.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%221%22.jpg`,
      // The SDK asks S3 for the stored checksum by default, and the browser's download can be checked with it.
      'x-amz-checksum-mode': 'ENABLED',
      'x-id': 'GetObject',
    });
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261128T080000Z');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('issue 12 #9: the disposition is part of the signature (another name signs another URL)', async () => {
    const store = new S3ArchiveStore(BUCKET, client());
    const one = await store.presignDownload({ key: 'tenants/t1/a.pdf', fileName: 'a.pdf', now: NOW, expiresInSeconds: 300 });
    const other = await store.presignDownload({ key: 'tenants/t1/a.pdf', fileName: 'b.pdf', now: NOW, expiresInSeconds: 300 });
    expect(new URL(other.url).searchParams.get('X-Amz-Signature')).not.toBe(new URL(one.url).searchParams.get('X-Amz-Signature'));
    await expect(store.presignDownload({ key: 'other/a.pdf', fileName: 'a.pdf', now: NOW, expiresInSeconds: 300 })).rejects.toThrow(/unsafe/);
  });
});

describe('archive credentials of the caller’s session (IAM layer 2, issue 21)', () => {
  const sts = mockClient(STSClient);
  const ROLE = 'arn:aws:iam::123456789012:role/anze-tenant';
  const REGULATOR_ROLE = 'arn:aws:iam::123456789012:role/anze-regulator';
  beforeEach(() => {
    sts.reset();
    s3.reset();
    sts.on(AssumeRoleCommand).callsFake(() => ({
      Credentials: { AccessKeyId: 'ASIAFAKE', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(clock + 3_600_000) },
    }));
  });
  let clock = NOW.getTime();
  const T1 = tenantArchive('t1');

  it('assumes the tenant role tagged with the caller’s tenant, an hour long, and reuses it per tenant', async () => {
    const clients = new ScopedS3Clients({ tenant: ROLE, regulator: REGULATOR_ROLE }, () => clock);
    const first = await clients.clientFor(T1, 60);
    expect(await clients.clientFor(T1, 60)).toBe(first);
    expect(await clients.clientFor(tenantArchive('t2'), 60)).not.toBe(first);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 2);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'archive-t1',
      DurationSeconds: 3600,
      Tags: [{ Key: 'tenantId', Value: 't1' }],
    });
  });

  it('ACL-2 ACL-4 a regulator’s session assumes the read-only regulator role with its agency and county tags (ALL city-wide), one per scope', async () => {
    const clients = new ScopedS3Clients({ tenant: ROLE, regulator: REGULATOR_ROLE }, () => clock);
    const city = await clients.clientFor(CITY_EMB, 300);
    const xinfu = await clients.clientFor(regulatorArchive({ agency: 'EMB_COUNTY', county: '140902' }), 300);
    expect(xinfu).not.toBe(city);
    expect(sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input)).toEqual([
      { RoleArn: REGULATOR_ROLE, RoleSessionName: 'archive-regulator-EMB_CITY-ALL', DurationSeconds: 3600, Tags: [{ Key: 'agency', Value: 'EMB_CITY' }, { Key: 'county', Value: 'ALL' }] },
      { RoleArn: REGULATOR_ROLE, RoleSessionName: 'archive-regulator-EMB_COUNTY-140902', DurationSeconds: 3600, Tags: [{ Key: 'agency', Value: 'EMB_COUNTY' }, { Key: 'county', Value: '140902' }] },
    ]);
    await expect(clients.clientFor(regulatorArchive({ agency: 'EMB_COUNTY' }), 300)).rejects.toThrow(/ACL-4/);
  });

  it('renews when the session would not outlive a ticket, and refuses tickets longer than a session', async () => {
    clock = NOW.getTime();
    const clients = new ScopedS3Clients({ tenant: ROLE }, () => clock);
    const first = await clients.clientFor(T1, 900);
    clock += 2_700_000; // 900 s left: enough for 60 s, not for a 900 s ticket plus the 60 s margin
    expect(await clients.clientFor(T1, 60)).toBe(first);
    expect(await clients.clientFor(T1, 900)).not.toBe(first);
    await expect(clients.clientFor(T1, 3600)).rejects.toThrow(/cannot sign for 3600 s/);
    await expect(clients.clientFor(CITY_EMB, 60)).rejects.toThrow(/no role configured for the regulator/);
  });

  it('ACL-1 every call of a store uses the CALLER’s session, whatever tenant the key names — S3 then refuses another tenant’s key, and that refusal is not read as "absent"', async () => {
    const seen: unknown[] = [];
    s3.on(HeadObjectCommand).rejects(s3Error('AccessDenied', 403));
    s3.on(GetObjectCommand).rejects(s3Error('AccessDenied', 403));
    const store = new S3ArchiveStore(BUCKET, { clientFor: async (session) => (seen.push(session), client()) }, T1);
    await expect(store.head('tenants/tenant-b/uploads/u1/a.jpg')).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(store.get('tenants/tenant-b/uploads/u1/a.jpg')).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(seen).toEqual([T1, T1]);
    // Under its own prefix a 403 is S3's answer for a missing key to a role without s3:ListBucket.
    expect(await store.head('tenants/t1/uploads/u1/a.jpg')).toBeUndefined();
    expect(() => new S3ArchiveStore(BUCKET, { clientFor: async () => client() })).toThrow(/needs the caller’s session/);
  });

  it('issue 21: the archive’s S3 clients are traced (an S3.<Command> sub-segment per call)', async () => {
    const clients = new ScopedS3Clients({ tenant: ROLE }, () => clock);
    const scoped = await clients.clientFor(T1, 60);
    expect(scoped.middlewareStack.identify().some((entry) => entry.startsWith('anzeTraceSdkCalls'))).toBe(true);
    const shared = await new ScopedS3Clients({}).clientFor(T1, 60);
    expect(shared.middlewareStack.identify().some((entry) => entry.startsWith('anzeTraceSdkCalls'))).toBe(true);
  });
});
