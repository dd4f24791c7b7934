import { Conflict } from '../../../domain/kernel/errors.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { ArchiveRecord, EvidenceUpload } from '../../../domain/services/archive-record.schema.js';
import { keys } from './keys.js';
import { strip, toArchiveRecord } from './service-items.js';
import type { Store } from './store.js';

/** SVC-10, SVC-13: upload tickets and archive records in the tenant's partition (the bytes are in the archive store). */
export class DynamoArchiveRecordRepository implements ArchiveRecordRepository {
  constructor(private readonly store: Store) {}

  async createUpload(upload: EvidenceUpload): Promise<void> {
    await this.store.commit(
      [
        {
          kind: 'create',
          item: { ...upload, ...keys.upload(upload.tenantId, upload.id), kind: 'UPLOAD' },
          onExists: () => new Conflict(`upload ${upload.id} exists`),
        },
      ],
      [],
    );
  }

  async getUploads(tenantId: string, uploadIds: readonly string[]): Promise<readonly EvidenceUpload[]> {
    if (uploadIds.length === 0) return [];
    const items = await this.store.getMany<Record<string, unknown>>([...new Set(uploadIds)].map((id) => keys.upload(tenantId, id)));
    return items.map((item) => strip<EvidenceUpload>(item) as EvidenceUpload);
  }

  async getArchiveRecord(tenantId: string, archiveId: string): Promise<ArchiveRecord | undefined> {
    return toArchiveRecord(await this.store.get(keys.archiveRecord(tenantId, archiveId)));
  }
}
