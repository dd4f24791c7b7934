import type { ArchiveSession, ArchiveStore } from '../../../domain/archive/archive-store.js';
import { localIamEnabled } from '../iam-twin/dynamodb-twin.js';
import { LocalTwinArchiveStore } from '../iam-twin/archive-twin.js';
import { LocalFsArchiveStore } from './local-fs-archive-store.js';
import { S3ArchiveStore, ScopedS3Clients } from './s3-archive-store.js';

type Backend = { readonly kind: 's3'; readonly bucket: string; readonly clients: ScopedS3Clients } | { readonly kind: 'fs'; readonly store: LocalFsArchiveStore };

let cached: { readonly where: string; readonly backend: Backend } | undefined;

/**
 * The archive the environment names, acting with the CALLER's session (ARCHITECTURE.md §3, layer 2), which the
 * composition root takes from the token: `tenantArchive(tenantId)` for an insurer's own prefix,
 * `regulatorArchive(regulator)` for a regulator's reads (tagged with its agency and county). The backend is made once per process (a Lambda container, or
 * the local runtime); a store per session is a small object over it.
 * - `ARCHIVE_BUCKET` set (AWS): the object-locked bucket, through credentials of the tenant role
 *   (`ANZE_TENANT_ROLE_ARN`) tagged with the caller's tenant, or of the regulator role (`ANZE_REGULATOR_ROLE_ARN`);
 *   a key of another tenant is refused by IAM's prefix;
 * - otherwise the local store under `ANZE_ARCHIVE_DIR`, whose upload tickets point at the local server
 *   (`ANZE_LOCAL_ARCHIVE_URL`) and are signed with `ANZE_LOCAL_UPLOAD_SECRET` — both read when a ticket is
 *   made, since the local server learns its own URL only once it listens. The local IAM twin checks each call
 *   against the same role statements (off with `ANZE_LOCAL_IAM=off`).
 *
 * @example
 * const store = archiveStoreFor(tenantArchive(tenantId));
 * const ticket = await store.presignUpload({ key, contentType, sha256, size, retainUntil, now, expiresInSeconds: 900 });
 */
export function archiveStoreFor(session: ArchiveSession, env: NodeJS.ProcessEnv = process.env): ArchiveStore {
  const backend = backendOf(env);
  if (backend.kind === 's3') return new S3ArchiveStore(backend.bucket, backend.clients, session);
  return localIamEnabled(env) ? new LocalTwinArchiveStore(backend.store, session) : backend.store;
}

function backendOf(env: NodeJS.ProcessEnv): Backend {
  const bucket = env.ARCHIVE_BUCKET;
  const where = bucket ? `s3:${bucket}` : `fs:${env.ANZE_ARCHIVE_DIR ?? ''}`;
  if (cached?.where === where) return cached.backend;
  let backend: Backend;
  if (bucket) {
    backend = { kind: 's3', bucket, clients: new ScopedS3Clients({ tenant: env.ANZE_TENANT_ROLE_ARN, regulator: env.ANZE_REGULATOR_ROLE_ARN }) };
  } else {
    const dir = env.ANZE_ARCHIVE_DIR;
    if (!dir) throw new Error('no archive configured: set ARCHIVE_BUCKET (AWS) or ANZE_ARCHIVE_DIR (local)');
    backend = {
      kind: 'fs',
      store: new LocalFsArchiveStore(dir, { uploadBaseUrl: () => env.ANZE_LOCAL_ARCHIVE_URL, uploadSecret: () => env.ANZE_LOCAL_UPLOAD_SECRET }),
    };
  }
  cached = { where, backend };
  return backend;
}

