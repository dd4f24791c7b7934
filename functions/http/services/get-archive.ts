import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadArchiveRecord } from './load-archive-record.js';
import { archiveIdParams, archiveRecordSchema } from './schemas.js';

const utf8 = new TextDecoder();

/**
 * SVC-10: an archived document's record; a service record's content is read back from the store. The bytes
 * read are checked against the digest kept in the table on every read (issue 12 #9): the answer says
 * `matches` and, when the bytes are there, their `actualSha256`. A record whose bytes no longer match — edited
 * on disk, or missing — is answered without its `document`: content that is not what was archived is never
 * served as the archive. `GET …/verify` checks the files it cites as well.
 */
export const getArchive = defineRoute({
  method: 'GET',
  path: '/api/v1/archives/{archiveId}',
  access: INSURER,
  summary: "An archived document's record — key, SHA-256, retain-until — checked against its digest, and a service record's content",
  tags: ['services'],
  params: archiveIdParams,
  response: archiveRecordSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const record = await loadArchiveRecord(tenantId, input.params.archiveId);
    const { archive, clock, sha256Hex } = servicesRoot();
    const stored = await archive(tenantArchive(tenantId)).get(record.key);
    const actualSha256 = stored ? sha256Hex(stored.body) : undefined;
    const matches = actualSha256 === record.sha256;
    const integrity = { matches, ...(actualSha256 ? { actualSha256 } : {}), checkedAt: clock.now().toISOString() };
    if (record.kind !== 'SERVICE_RECORD' || !stored || !matches) return { body: { ...record, ...integrity } };
    return { body: { ...record, ...integrity, document: JSON.parse(utf8.decode(stored.body)) as unknown } };
  },
});
