import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadArchiveRecord } from './load-archive-record.js';
import { archiveIdParams, archiveRecordSchema } from './schemas.js';

const utf8 = new TextDecoder();

/** SVC-10: an archived document's record; a service record's content is read back from the store. */
export const getArchive = defineRoute({
  method: 'GET',
  path: '/api/v1/archives/{archiveId}',
  access: INSURER,
  summary: "An archived document's record — key, SHA-256, retain-until — and a service record's content",
  tags: ['services'],
  params: archiveIdParams,
  response: archiveRecordSchema,
  async handle(input) {
    const record = await loadArchiveRecord(callerOf(input, 'insurer').tenantId, input.params.archiveId);
    if (record.kind !== 'SERVICE_RECORD') return { body: record };
    const stored = await servicesRoot().archive().get(record.key);
    return { body: { ...record, ...(stored ? { document: JSON.parse(utf8.decode(stored.body)) as unknown } : {}) } };
  },
});
