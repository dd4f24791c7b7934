import { retainUntilFor, tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { serviceArchiveDocument, serviceArchiveMaterialKeys } from '../../../domain/services/archive-document.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { archiveService as archive, requireArchivable } from '../../../domain/services/service-sign-off.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { alarmsForArchive } from '../monitoring/archive-alarms.js';
import { archiveDocument, insurerNameOf } from './archive-document.js';
import { servicesRoot } from './composition-root.js';
import { loadService, ruleSetOf } from './load-service.js';
import { serviceIdParams } from './schemas.js';

/**
 * SVC-9, SVC-10: the confirmed record goes into the write-once archive as canonical JSON (retained for the rule
 * set's years from now, as is every file it cites), its SHA-256 is recorded in the table with the archive record, and the service is ARCHIVED —
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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const { clock, newId } = servicesRoot();
    const now = clock.now();
    const archiveId = newId(now);
    // The rule refuses anything but CONFIRMED before a byte is written to the write-once store.
    requireArchivable(service);
    // MON-2: an inspection made from duty-board alarms carries them (trail, readings summary) into its archive.
    const [hazards, insurerName, alarms] = await Promise.all([
      tenant.hazards.getHazards(tenantId, service.hazardIds),
      insurerNameOf(tenantId),
      alarmsForArchive(tenantId, service.id),
    ]);
    const retainUntil = retainUntilFor(now, (await ruleSetOf(service)).archiveRetentionYears);
    // SVC-10: the evidence and notices the record cites were stored when uploaded; from today they are part of the
    // archive, kept five years from now. Lengthened before the record is written: retention never shortens.
    const store = servicesRoot().archive(tenantArchive(tenantId));
    await Promise.all(serviceArchiveMaterialKeys(service, hazards).map((key) => store.extendRetention({ key, retainUntil, now })));
    const record = await archiveDocument({
      tenantId,
      archiveId,
      kind: 'SERVICE_RECORD',
      document: serviceArchiveDocument(service, hazards, { archiveId, archivedAt: now.toISOString(), insurerName, alarms }),
      subject: { kind: 'SERVICE', id: service.id },
      policyId: service.policyId,
      enterpriseUscc: service.enterprise.uscc,
      retainUntil,
      now,
      by: userId,
    });
    const { state: archived, events } = archive(service, { now, by: userId, archiveId, archiveKey: record.key, sha256: record.sha256 });
    await tenant.services.archiveService(archived, service.version, record, events);
    return { body: archived };
  },
});
