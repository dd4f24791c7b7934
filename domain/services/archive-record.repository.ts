import type { ArchiveRecord, EvidenceUpload } from './archive-record.schema.js';

/**
 * SVC-10, SVC-13: the table's side of the archive — upload tickets given out and archive records (the bytes sit
 * in the write-once store, domain/archive/archive-store.ts). Tenant-scoped (ACL-1).
 */
export interface ArchiveRecordRepository {
  createUpload(upload: EvidenceUpload): Promise<void>;
  /** The uploads found among `uploadIds`; missing ones are left out. */
  getUploads(tenantId: string, uploadIds: readonly string[]): Promise<readonly EvidenceUpload[]>;
  getArchiveRecord(tenantId: string, archiveId: string): Promise<ArchiveRecord | undefined>;
}
