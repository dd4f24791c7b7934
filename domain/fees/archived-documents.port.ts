import type { ArchivedDocumentFacts } from './expense.rules.js';

/**
 * FEE-2, SVC-10: the caller's own archive, as the fee ledger sees it — what it holds under an archive id (an
 * archive record, or an uploaded file), checked against the write-once store. Tenant-scoped (ACL-1).
 */
export interface ArchivedDocuments {
  factsOf(archiveId: string): Promise<ArchivedDocumentFacts | undefined>;
}
