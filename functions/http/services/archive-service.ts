import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { serviceArchiveDocument } from '../../../domain/services/archive-document.js';
import { archiveService as archive, requireArchivable } from '../../../domain/services/lifecycle.js';
import { serviceSchema } from '../../../domain/services/schemas.js';
import type { ArchiveRecord } from '../../../domain/services/service.repository.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { insurerNameOf, loadService, ruleSetOf, serviceDeps } from './deps.js';
import { serviceIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

const utf8 = new TextEncoder();

/**
 * SVC-9, SVC-10: the confirmed record goes into the write-once archive as canonical JSON (retained for the rule
 * set's years), its SHA-256 is recorded in the table with the archive record, and the service is ARCHIVED —
 * from then on no route changes it.
 */
export const archiveService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/archive',
  access: INSURER,
  summary: 'Archive the confirmed record write-once with its SHA-256 (SVC-9, SVC-10)',
  tags: ['services'],
  params: serviceIdParams,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const { clock, newId, archive: store } = serviceDeps();
    const now = clock.now();
    const archiveId = newId(now);
    // The rule refuses anything but CONFIRMED before a byte is written to the write-once store.
    requireArchivable(service);
    const [hazards, insurerName] = await Promise.all([tenant.services.getHazards(tenantId, service.hazardIds), insurerNameOf(tenantId)]);
    const document = serviceArchiveDocument(service, hazards, { archiveId, archivedAt: now.toISOString(), insurerName });
    const key = `tenants/${tenantId}/archives/${archiveId}/${document.fileName}`;
    const stored = await store().put({
      key,
      body: utf8.encode(document.body),
      contentType: document.contentType,
      retainUntil: retainUntilFor(now, ruleSetOf(service).archiveRetentionYears),
      now,
    });
    const archived = archive(service, { now, by: caller.userId, archiveId, sha256: stored.sha256 });
    const record: ArchiveRecord = {
      archiveId,
      tenantId,
      kind: 'SERVICE_RECORD',
      key,
      sha256: stored.sha256,
      size: stored.size,
      contentType: document.contentType,
      subject: { kind: 'SERVICE', id: service.id },
      policyId: service.policyId,
      enterpriseUscc: service.enterprise.uscc,
      retainUntil: stored.retainUntil,
      archivedAt: now.toISOString(),
      archivedBy: caller.userId,
    };
    await tenant.services.archiveService(archived, service.version, record);
    return { body: archived };
  },
});
