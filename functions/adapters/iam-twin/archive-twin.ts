import type {
  ArchivedObject,
  ArchiveSession,
  ArchiveStore,
  DownloadRequest,
  DownloadTicket,
  UploadRequest,
  UploadTicket,
} from '../../../domain/archive/archive-store.js';
import { regulatorArchiveTags } from '../archive/tenant-archive-session.js';
import { authoriseArchiveCall, type ArchiveAction, type TwinSession } from './dynamodb-twin.js';

/** The twin's view of an archive session: the role's statements and its tags, as the S3 store's AssumeRole sets them. */
export function archiveTwinSession(session: ArchiveSession): TwinSession {
  return session.kind === 'tenant'
    ? { name: `archive-${session.tenantId}`, role: 'tenant', principalTags: { tenantId: session.tenantId } }
    : { name: 'archive-regulator', role: 'regulator', principalTags: regulatorArchiveTags(session) };
}

/**
 * The archive half of the local IAM twin (ARCHITECTURE.md §3 and §8, issue 21): the local store acting with one
 * caller's session. Before each call reaches the disk, what S3 would authorise for it is evaluated against the
 * role statements the CDK app emits, with the session's tags — a tenant's session reaches `tenants/<its id>/`
 * only, the regulators' reads everything and writes nothing — and a refusal fails as S3's `AccessDenied` (403).
 * A presigned ticket is checked when it is made: on AWS the request it signs would be refused with the signer's
 * credentials.
 */
export class LocalTwinArchiveStore implements ArchiveStore {
  private readonly twin: TwinSession;

  constructor(
    private readonly inner: ArchiveStore,
    session: ArchiveSession,
  ) {
    this.twin = archiveTwinSession(session);
  }

  private allow(key: string, ...actions: ArchiveAction[]): void {
    for (const action of actions) authoriseArchiveCall(this.twin, action, key);
  }

  async put(input: { key: string; body: Uint8Array; contentType: string; retainUntil: Date; now: Date }): Promise<ArchivedObject> {
    // A write with `x-amz-object-lock-*` is authorised as s3:PutObjectRetention too.
    this.allow(input.key, 's3:PutObject', 's3:PutObjectRetention');
    return this.inner.put(input);
  }

  async get(key: string): Promise<{ body: Uint8Array; object: ArchivedObject } | undefined> {
    this.allow(key, 's3:GetObject', 's3:GetObjectRetention');
    return this.inner.get(key);
  }

  async head(key: string): Promise<ArchivedObject | undefined> {
    this.allow(key, 's3:GetObject', 's3:GetObjectRetention');
    return this.inner.head(key);
  }

  async delete(key: string, now: Date): Promise<void> {
    this.allow(key, 's3:GetObject', 's3:GetObjectRetention', 's3:DeleteObject');
    return this.inner.delete(key, now);
  }

  async extendRetention(input: { key: string; retainUntil: Date; now: Date }): Promise<ArchivedObject | undefined> {
    this.allow(input.key, 's3:GetObject', 's3:GetObjectRetention', 's3:PutObjectRetention');
    return this.inner.extendRetention(input);
  }

  async presignUpload(input: UploadRequest): Promise<UploadTicket> {
    this.allow(input.key, 's3:PutObject', 's3:PutObjectRetention');
    return this.inner.presignUpload(input);
  }

  async presignDownload(input: DownloadRequest): Promise<DownloadTicket> {
    this.allow(input.key, 's3:GetObject');
    return this.inner.presignDownload(input);
  }
}
