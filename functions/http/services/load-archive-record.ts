import { NotFound } from '../../../domain/kernel/errors.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import { servicesRoot } from './composition-root.js';

/** A tenant's archive record, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadArchiveRecord(tenantId: string, archiveId: string): Promise<ArchiveRecord> {
  const { archives } = await servicesRoot().forTenant(tenantId);
  const record = await archives.getArchiveRecord(tenantId, archiveId);
  if (!record) throw new NotFound('archive');
  return record;
}
