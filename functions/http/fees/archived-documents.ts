import type { ArchiveStore } from '../../../domain/archive/archive-store.js';
import type { ArchivedDocuments } from '../../../domain/fees/archived-documents.port.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';

/**
 * FEE-2, SVC-10: an insurer's archive as the ledger cites it. An archive id is an archive record (a service
 * record, a hazard notice) or an uploaded file; either way the table's digest is compared with what the
 * write-once store holds at its key. The repository is the tenant's own (tenant-scoped credentials) and keys
 * sit under `tenants/<tenantId>/`, so another insurer's id is never found.
 */
export function archivedDocuments(
  tenantId: string,
  records: Pick<ArchiveRecordRepository, 'getArchiveRecord' | 'getUploads'>,
  store: () => ArchiveStore,
): ArchivedDocuments {
  return {
    async factsOf(archiveId) {
      const record = await records.getArchiveRecord(tenantId, archiveId);
      const found = record ?? (await records.getUploads(tenantId, [archiveId]))[0];
      if (found === undefined || found.tenantId !== tenantId || !found.key.startsWith(`tenants/${tenantId}/`)) return undefined;
      const stored = await store().head(found.key);
      return { recordedSha256: found.sha256, storedSha256: stored?.sha256 };
    },
  };
}
