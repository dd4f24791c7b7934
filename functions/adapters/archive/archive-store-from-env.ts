import type { ArchiveStore } from '../../../domain/archive/archive-store.js';
import { LocalFsArchiveStore } from './local-fs-archive-store.js';
import { S3ArchiveStore, TenantScopedS3Clients } from './s3-archive-store.js';

let cached: { readonly where: string; readonly store: ArchiveStore } | undefined;

/**
 * The archive the environment names, one per process (a Lambda container, or the local runtime):
 * - `ARCHIVE_BUCKET` set (AWS): the object-locked bucket, through credentials of the tenant role
 *   (`ANZE_TENANT_ROLE_ARN`) tagged with each key's tenant;
 * - otherwise the local store under `ANZE_ARCHIVE_DIR`, whose upload tickets point at the local server
 *   (`ANZE_LOCAL_ARCHIVE_URL`) and are signed with `ANZE_LOCAL_UPLOAD_SECRET` — both read when a ticket is
 *   made, since the local server learns its own URL only once it listens.
 *
 * @example
 * const store = archiveStoreFromEnv();
 * const ticket = await store.presignUpload({ key, contentType, sha256, size, retainUntil, now, expiresInSeconds: 900 });
 */
export function archiveStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ArchiveStore {
  const bucket = env.ARCHIVE_BUCKET;
  const where = bucket ? `s3:${bucket}` : `fs:${env.ANZE_ARCHIVE_DIR ?? ''}`;
  if (cached?.where === where) return cached.store;
  let store: ArchiveStore;
  if (bucket) {
    store = new S3ArchiveStore(bucket, new TenantScopedS3Clients(env.ANZE_TENANT_ROLE_ARN));
  } else {
    const dir = env.ANZE_ARCHIVE_DIR;
    if (!dir) throw new Error('no archive configured: set ARCHIVE_BUCKET (AWS) or ANZE_ARCHIVE_DIR (local)');
    store = new LocalFsArchiveStore(dir, {
      uploadBaseUrl: () => env.ANZE_LOCAL_ARCHIVE_URL,
      uploadSecret: () => env.ANZE_LOCAL_UPLOAD_SECRET,
    });
  }
  cached = { where, store };
  return store;
}
