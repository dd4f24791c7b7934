import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadArchiveRecord } from './load-archive-record.js';
import { archiveIdParams, archiveVerificationSchema } from './schemas.js';

const utf8 = new TextDecoder();

/** Every `{archiveKey, sha256}` a service record cites: its evidence, hazard notices and closure evidence. */
function citedFiles(document: unknown): { key: string; sha256: string }[] {
  const found = new Map<string, string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object.archiveKey === 'string' && typeof object.sha256 === 'string') found.set(object.archiveKey, object.sha256);
    for (const child of Object.values(object)) walk(child);
  };
  walk(document);
  return [...found].map(([key, sha256]) => ({ key, sha256 }));
}

/**
 * SVC-10: verification against the digest recorded in the table, from the bytes read back now — never from
 * the store's own metadata, which sits beside the bytes and could be edited with them. A service record is
 * verified with every file it cites.
 */
export const verifyArchive = defineRoute({
  method: 'GET',
  path: '/api/v1/archives/{archiveId}/verify',
  access: INSURER,
  summary: 'Recompute the SHA-256 of an archive (and of every file a service record cites) and compare (SVC-10)',
  tags: ['services'],
  params: archiveIdParams,
  response: archiveVerificationSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const record = await loadArchiveRecord(tenantId, input.params.archiveId);
    const { archive, clock, sha256Hex } = servicesRoot();
    const store = archive(tenantArchive(tenantId));
    const check = async (key: string, sha256: string) => {
      const stored = await store.get(key);
      const actualSha256 = stored ? sha256Hex(stored.body) : undefined;
      return { key, sha256, ...(actualSha256 ? { actualSha256 } : {}), matches: actualSha256 === sha256, body: stored?.body };
    };
    const main = await check(record.key, record.sha256);
    let cited: { key: string; sha256: string }[] = [];
    if (record.kind === 'SERVICE_RECORD' && main.body) {
      try {
        cited = citedFiles(JSON.parse(utf8.decode(main.body)));
      } catch {
        cited = []; // an unreadable document already fails its own digest
      }
    }
    const attachments = (await Promise.all(cited.map((file) => check(file.key, file.sha256)))).map(({ body: _body, ...rest }) => rest);
    const { body: _body, ...own } = main;
    return {
      body: {
        archiveId: record.archiveId,
        ...own,
        matches: own.matches && attachments.every((attachment) => attachment.matches),
        retainUntil: record.retainUntil,
        checkedAt: clock.now().toISOString(),
        attachments,
      },
    };
  },
});
