import type { ArchiveStoreFor } from '../../../domain/archive/archive-store.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { claimsRoot, type ClaimsRoot } from './composition-root.js';

/**
 * The claims file routes (CLM-1: document upload tickets, and the registration that checks its documents in the
 * archive) run in a function of their own: the S3 client and presigner stay out of the claims function that answers
 * every other route (issue 20, as underwriting-files).
 */
export interface ClaimsFilesRoot extends ClaimsRoot {
  readonly archive: ArchiveStoreFor;
}

let root: ClaimsFilesRoot | undefined;

export function claimsFilesRoot(): ClaimsFilesRoot {
  root ??= { ...claimsRoot(), archive: (session) => archiveStoreFor(session) };
  return root;
}
