import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  S3Client,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ArchiveExists,
  ArchiveRetained,
  attachmentDisposition,
  isSafeArchiveKey,
  type ArchivedObject,
  type ArchiveSession,
  type ArchiveStore,
  type DownloadRequest,
  type DownloadTicket,
  type UploadRequest,
  type UploadTicket,
} from '../../../domain/archive/archive-store.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { isSha256Hex, sha256Base64ToHex, sha256Hex, sha256HexToBase64 } from './sha256.js';
import {
  ARCHIVE_SESSION_SECONDS,
  assumeRegulatorArchiveSession,
  assumeTenantArchiveSession,
  regulatorArchiveTags,
  type ArchiveSessionCredentials,
} from './tenant-archive-session.js';

/**
 * Where an S3 client acting with one session's credentials comes from (the caller's, from its token: never the
 * key's); `validForSeconds` is how long its credentials must last.
 */
export interface S3ClientSource {
  clientFor(session: ArchiveSession, validForSeconds: number): Promise<S3Client>;
}

/** An S3 client whose calls show as `S3.<Command>` sub-segments in the trace (issue 21), as DynamoDB's and STS's do. */
export const tracedS3Client = (config: ConstructorParameters<typeof S3Client>[0] = {}): S3Client => traceSdkCalls(new S3Client(config), 'S3');

/**
 * The headers a presigned PUT signs, so S3 refuses the upload unless the browser sends exactly these values:
 * the type, the digest (S3 recomputes it over the bytes), compliance-mode retention, and write-once.
 * `content-type` and `if-none-match` are not signed by the presigner unless asked; the `x-amz-*` ones would be
 * hoisted into the query string, where S3 takes the checksum and lock values less strictly, unless kept.
 */
const SIGNED_UPLOAD_HEADERS = ['content-type', 'if-none-match'] as const;
const UNHOISTED_UPLOAD_HEADERS = ['x-amz-checksum-sha256', 'x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date'] as const;
const REQUIRED_SIGNED_HEADERS = [...SIGNED_UPLOAD_HEADERS, ...UNHOISTED_UPLOAD_HEADERS];

/**
 * The archive on AWS (SVC-10, ARCHITECTURE.md §7): a bucket with object lock in COMPLIANCE mode. Every write
 * names its retain-until and is conditional (`If-None-Match: *`), and carries its SHA-256, which S3 checks
 * against the bytes and keeps; nobody, root included, can alter or delete it before retain-until.
 *
 * @example
 * const clients = new ScopedS3Clients({ tenant: process.env.ANZE_TENANT_ROLE_ARN, regulator: process.env.ANZE_REGULATOR_ROLE_ARN });
 * const store = new S3ArchiveStore('anze-prod-archive-…', clients, tenantArchive(callerTenantId));
 * await store.put({ key: 'tenants/t1/archives/a1/service-record.json', body, contentType: 'application/json', retainUntil, now });
 */
export class S3ArchiveStore implements ArchiveStore {
  private readonly clientFor: (validForSeconds: number) => Promise<S3Client>;

  /**
   * `session` is whose credentials every call uses (ARCHITECTURE.md §3): required with a client source, so a
   * store never picks its session from the key it is about to check. A bare client (tests, one fixed identity)
   * needs none.
   */
  constructor(
    private readonly bucket: string,
    clients: S3Client | S3ClientSource,
    private readonly session?: ArchiveSession,
  ) {
    if (clients instanceof S3Client) {
      this.clientFor = async () => clients;
    } else {
      if (!session) throw new Error('an archive store on scoped credentials needs the caller’s session');
      this.clientFor = (validForSeconds) => clients.clientFor(session, validForSeconds);
    }
  }

  async put(input: { key: string; body: Uint8Array; contentType: string; retainUntil: Date; now: Date }): Promise<ArchivedObject> {
    const client = await this.clientOf(input.key);
    const sha256 = sha256Hex(input.body);
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: input.key,
          Body: input.body,
          ContentType: input.contentType,
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: input.retainUntil,
          IfNoneMatch: '*',
          ChecksumSHA256: sha256HexToBase64(sha256),
        }),
      );
    } catch (error) {
      // 412: the key exists. 409: another conditional write of the same key is in flight; one of them wins.
      if (statusOf(error) === 412 || statusOf(error) === 409 || nameOf(error) === 'PreconditionFailed' || nameOf(error) === 'ConditionalRequestConflict') {
        throw new ArchiveExists(input.key);
      }
      throw error;
    }
    return {
      key: input.key,
      sha256,
      size: input.body.byteLength,
      contentType: input.contentType,
      storedAt: input.now.toISOString(),
      retainUntil: input.retainUntil.toISOString(),
    };
  }

  async get(key: string): Promise<{ body: Uint8Array; object: ArchivedObject } | undefined> {
    const client = await this.clientOf(key);
    try {
      // ChecksumMode makes S3 return the stored checksum and the SDK verify the bytes against it.
      const out = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
      if (!out.Body) throw new Error(`S3 returned no body for ${key}`);
      const body = await out.Body.transformToByteArray();
      // The stored checksum names the digest; the bytes are hashed here only for an object without one.
      return { body, object: objectOf(key, out, out.ChecksumSHA256 ? undefined : sha256Hex(body)) };
    } catch (error) {
      if (this.isAbsent(key, error)) return undefined;
      throw error;
    }
  }

  async head(key: string): Promise<ArchivedObject | undefined> {
    const out = await this.headObject(key);
    return out ? objectOf(key, out) : undefined;
  }

  /** S3 refuses too (compliance mode); asking first gives the caller the same `ArchiveRetained` as locally. */
  async delete(key: string, now: Date): Promise<void> {
    const out = await this.headObject(key);
    if (!out) return;
    const object = objectOf(key, out);
    if (now.toISOString() < object.retainUntil) throw new ArchiveRetained(key, object.retainUntil);
    // The version itself: a plain delete in a versioned bucket would only hide it behind a delete marker.
    const client = await this.clientOf(key);
    await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(out.VersionId ? { VersionId: out.VersionId } : {}) }));
  }

  /**
   * SVC-10: lengthens the COMPLIANCE retention of the object's current version (PutObjectRetention; S3 itself
   * refuses to shorten it). Asked first, so a retain-until already as late is left alone and S3 is not called.
   */
  async extendRetention(input: { key: string; retainUntil: Date; now: Date }): Promise<ArchivedObject | undefined> {
    const out = await this.headObject(input.key);
    if (!out) return undefined;
    const object = objectOf(input.key, out);
    if (object.retainUntil >= input.retainUntil.toISOString()) return object;
    const client = await this.clientOf(input.key);
    await client.send(
      new PutObjectRetentionCommand({
        Bucket: this.bucket,
        Key: input.key,
        ...(out.VersionId ? { VersionId: out.VersionId } : {}),
        Retention: { Mode: 'COMPLIANCE', RetainUntilDate: input.retainUntil },
      }),
    );
    return { ...object, retainUntil: input.retainUntil.toISOString() };
  }

  /**
   * SVC-13 evidence goes from the browser straight to the bucket: a presigned PUT whose signature covers the
   * content type, the SHA-256 (S3 rejects bytes that do not match it), compliance retention until
   * `retainUntil`, and `If-None-Match: *`. The ticket's headers are exactly the signed ones.
   */
  async presignUpload(input: UploadRequest): Promise<UploadTicket> {
    if (!isSha256Hex(input.sha256)) throw new Error(`sha256 must be 64 lower-case hex digits, got ${JSON.stringify(input.sha256)}`);
    const client = await this.clientOf(input.key, input.expiresInSeconds);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ChecksumSHA256: sha256HexToBase64(input.sha256),
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: input.retainUntil,
      IfNoneMatch: '*',
    });
    // The header values as the SDK serialises them (the retain-until date's format is its choice, not ours).
    let serialised: Record<string, string> = {};
    command.middlewareStack.add(
      (next) => async (args) => {
        serialised = { ...(args.request as { headers: Record<string, string> }).headers };
        return next(args);
      },
      { step: 'build', priority: 'low', name: 'anzeCaptureUploadHeaders' },
    );
    const url = await getSignedUrl(client, command, {
      expiresIn: input.expiresInSeconds,
      signingDate: input.now,
      signableHeaders: new Set(SIGNED_UPLOAD_HEADERS),
      unhoistableHeaders: new Set(UNHOISTED_UPLOAD_HEADERS),
    });
    const signed = (new URL(url).searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
    const missing = REQUIRED_SIGNED_HEADERS.filter((header) => !signed.includes(header));
    if (missing.length > 0) throw new Error(`presigned upload does not sign ${missing.join(', ')}`);
    const headers: Record<string, string> = {};
    for (const name of signed) {
      const value = serialised[name];
      if (name !== 'host' && value !== undefined) headers[name] = value;
    }
    return {
      key: input.key,
      url,
      method: 'PUT',
      headers,
      expiresAt: new Date(input.now.getTime() + input.expiresInSeconds * 1000).toISOString(),
    };
  }

  /**
   * A presigned GET that makes S3 answer `Content-Disposition: attachment` (`ResponseContentDisposition`, part
   * of the signature, so it cannot be taken off), whatever type the object was stored with: a browser saves
   * the file and never renders it on the bucket's origin (issue 12 #9).
   */
  async presignDownload(input: DownloadRequest): Promise<DownloadTicket> {
    const client = await this.clientOf(input.key, input.expiresInSeconds);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ResponseContentDisposition: attachmentDisposition(input.fileName),
    });
    const url = await getSignedUrl(client, command, { expiresIn: input.expiresInSeconds, signingDate: input.now });
    return { key: input.key, url, method: 'GET', expiresAt: new Date(input.now.getTime() + input.expiresInSeconds * 1000).toISOString() };
  }

  private async headObject(key: string): Promise<HeadObjectCommandOutput | undefined> {
    const client = await this.clientOf(key);
    try {
      return await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
    } catch (error) {
      if (this.isAbsent(key, error)) return undefined;
      throw error;
    }
  }

  private clientOf(key: string, validForSeconds = 60): Promise<S3Client> {
    if (!isSafeArchiveKey(key)) throw new Error(`unsafe archive key ${JSON.stringify(key)}`);
    // The caller's session, whatever tenant the key names: a key of another tenant is IAM's to refuse (layer 2).
    return this.clientFor(validForSeconds);
  }

  /**
   * Absent, as the caller sees it. The scoped roles deliberately lack s3:ListBucket (it would list every
   * tenant's key names), and without it S3 answers a missing key with 403 rather than 404 — under a prefix the
   * session may read. A 403 on a key outside a tenant session's own prefix is IAM refusing layer 1's key: an
   * AccessDenied the caller gets as such, never a quiet "not there".
   */
  private isAbsent(key: string, error: unknown): boolean {
    const name = nameOf(error);
    const status = statusOf(error);
    if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) return true;
    if (status !== 403) return false;
    return this.session?.kind !== 'tenant' || key.startsWith(`tenants/${this.session.tenantId}/`);
  }
}


/** What HeadObject and GetObject both answer about an object. */
interface StoredObjectMetadata {
  readonly ChecksumSHA256?: string;
  readonly ContentLength?: number;
  readonly ContentType?: string;
  readonly LastModified?: Date;
  readonly ObjectLockRetainUntilDate?: Date;
}

function objectOf(key: string, out: StoredObjectMetadata, bodySha256?: string): ArchivedObject {
  // Our writes are single PUTs, so the checksum is a full-object one (base64 of the digest), never `…-N`.
  const sha256 = (out.ChecksumSHA256 ? sha256Base64ToHex(out.ChecksumSHA256) : undefined) ?? bodySha256;
  if (!sha256) throw new Error(`archive ${key} has no full-object SHA-256 checksum`);
  // Returned only with s3:GetObjectRetention, which the tenant and regulator roles have for this reason.
  if (!out.ObjectLockRetainUntilDate) throw new Error(`archive ${key} has no object-lock retain-until date`);
  return {
    key,
    sha256,
    size: out.ContentLength ?? 0,
    contentType: out.ContentType ?? 'application/octet-stream',
    storedAt: (out.LastModified ?? new Date(0)).toISOString(),
    retainUntil: out.ObjectLockRetainUntilDate.toISOString(),
  };
}

const nameOf = (error: unknown): string | undefined => (error as { name?: string } | undefined)?.name;
const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

/** Renew before the credentials run out, with a margin for the request in flight. */
const RENEW_MARGIN_MS = 60_000;

/** The roles archive sessions assume (`ANZE_TENANT_ROLE_ARN`, `ANZE_REGULATOR_ROLE_ARN`). */
export interface ArchiveRoles {
  readonly tenant?: string;
  readonly regulator?: string;
}

/**
 * S3 clients acting with a session's credentials (ARCHITECTURE.md §3): a tenant's are the tenant role's tagged
 * with the CALLER's tenant, so a key built for another tenant is refused by IAM, not only by our code; the
 * regulators' are the regulator role's (read-only, ACL-2). Without any role (local runs against a real bucket)
 * one client with the default credentials serves everyone. Every client is traced (`S3.<Command>`).
 */
export class ScopedS3Clients implements S3ClientSource {
  private readonly cache = new Map<string, { client: S3Client; expiresAt: number }>();
  private shared: S3Client | undefined;

  constructor(
    private readonly roles: ArchiveRoles,
    private readonly now: () => number = Date.now,
    private readonly assume: (roleArn: string, session: ArchiveSession) => Promise<ArchiveSessionCredentials> = (roleArn, session) =>
      session.kind === 'tenant' ? assumeTenantArchiveSession(roleArn, session.tenantId) : assumeRegulatorArchiveSession(roleArn, session),
  ) {}

  async clientFor(session: ArchiveSession, validForSeconds: number): Promise<S3Client> {
    if (!this.roles.tenant && !this.roles.regulator) return (this.shared ??= tracedS3Client());
    const roleArn = session.kind === 'tenant' ? this.roles.tenant : this.roles.regulator;
    if (!roleArn) throw new Error(`no role configured for the ${session.kind} archive session`);
    if (validForSeconds * 1000 + RENEW_MARGIN_MS > ARCHIVE_SESSION_SECONDS * 1000) {
      throw new Error(`an archive session lasts ${ARCHIVE_SESSION_SECONDS} s: it cannot sign for ${validForSeconds} s`);
    }
    const cacheKey = session.kind === 'tenant' ? `tenant:${session.tenantId}` : `regulator:${Object.values(regulatorArchiveTags(session)).join('.')}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.expiresAt - RENEW_MARGIN_MS - validForSeconds * 1000 > this.now()) return cached.client;
    const credentials = await this.assume(roleArn, session);
    const client = tracedS3Client({ credentials });
    this.cache.set(cacheKey, { client, expiresAt: credentials.expiration.getTime() });
    return client;
  }
}
