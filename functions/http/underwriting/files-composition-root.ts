import type { ArchiveStoreFor } from '../../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { underwritingRoot, type UnderwritingRoot } from './composition-root.js';

/**
 * The underwriting file routes (QUAL-4: upload tickets, and the filing that checks its evidence in the archive)
 * run in a function of their own ({@link underwritingFileRoutes}): the S3 client and presigner are about a
 * sixth of a function's bundle, and only these two routes need them, so the underwriting function that answers
 * every other route does not carry them (issue 20).
 */
export interface UnderwritingFilesRoot extends UnderwritingRoot {
  /** QUAL-4: the write-once archive (S3 with object lock on AWS, the local store otherwise), built on first use. */
  readonly archive: ArchiveStoreFor;
}

let root: UnderwritingFilesRoot | undefined;

/** The composition root of the underwriting file function: the underwriting one, and the archive. */
export function underwritingFilesRoot(): UnderwritingFilesRoot {
  root ??= { ...underwritingRoot(), archive: (session) => archiveStoreFor(session) };
  return root;
}
