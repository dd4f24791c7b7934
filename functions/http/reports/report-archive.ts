import { ArchiveExists, type ArchiveStore, type Sha256Hex } from '../../../domain/archive/archive-store.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { ReportFile } from '../../../domain/reports/report.js';

/**
 * SVC-10: the reviewed draft file, copied write-once to the version's own key and kept the rule set's years
 * from submission. The draft's bytes are hashed first: what is archived is exactly what was generated. A key
 * already there (a retry after a failure between the copy and the transaction) is accepted only with the same
 * digest; anything else is refused, never overwritten.
 */
export async function archiveVersionFile(
  deps: { readonly archive: ArchiveStore; readonly sha256: Sha256Hex },
  draft: ReportFile,
  key: string,
  input: { readonly retainUntil: Date; readonly now: Date },
): Promise<ReportFile> {
  const stored = await deps.archive.get(draft.key);
  if (!stored || deps.sha256(stored.body) !== draft.sha256) {
    throw new Conflict('RPT-1: the draft’s file no longer matches the SHA-256 recorded when it was generated; generate the report again', 'RPT-1');
  }
  try {
    const object = await deps.archive.put({ key, body: stored.body, contentType: draft.contentType, retainUntil: input.retainUntil, now: input.now });
    return { key, sha256: object.sha256, size: object.size, contentType: draft.contentType };
  } catch (error) {
    if (!(error instanceof ArchiveExists)) throw error;
    const existing = await deps.archive.head(key);
    if (existing?.sha256 !== draft.sha256) throw new Conflict(`RPT-1: ${key} is archived with other bytes and never changes`, 'RPT-1');
    return { key, sha256: existing.sha256, size: existing.size, contentType: draft.contentType };
  }
}
