import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { recordDocument } from '../../../domain/archive/folder.js';
import { folderDocumentSchema, outsourcingContractBody } from '../../../domain/archive/folder.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ledgerExtractPorts } from './archive-folder-extract-composition-root.js';
import { loadService, ruleSetOf } from './load-service.js';
import { requireThirdParty } from './request-outsourcing-contract-upload.js';
import { serviceIdParams } from './schemas.js';

/**
 * SVC-10, REG-2 (issue 18): the outsourcing contract of a third-party organisation's service goes into the
 * enterprise's folder (第十三条 档案; DOMAIN.md SVC-10 「outsourcing contracts and their records」) — the file uploaded
 * with its ticket, checked to be there with the SHA-256 declared for it, kept five years from now (retention only
 * lengthens), recorded once per upload with the policy's folder index and `archive.document.archived`. Archiving
 * the same upload again answers the same document.
 */
export const archiveOutsourcingContract = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/outsourcing-contracts',
  access: INSURER,
  summary: "Archive an uploaded outsourcing contract of a third-party organisation's service into the enterprise's folder (SVC-10, REG-2)",
  tags: ['services'],
  params: serviceIdParams,
  body: outsourcingContractBody,
  response: folderDocumentSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    requireThirdParty(service);
    const { uploadId } = input.body;
    const [upload] = await tenant.archives.getUploads(tenantId, [uploadId]);
    if (!upload || upload.subject.kind !== 'SERVICE' || upload.subject.id !== service.id) {
      throw new RuleViolation('SVC-10', 'uploadId', `SVC-10: no upload ${uploadId} was given out for this service`, 409);
    }
    const ports = await ledgerExtractPorts(tenantId);
    const archiveId = `OSC-${upload.id}`.slice(0, 64);
    let record = await ports.records.record(tenantId, archiveId);
    if (!record) {
      const stored = await ports.archive.head(upload.key);
      if (!stored) throw new RuleViolation('SVC-10', 'uploadId', `SVC-10: the file of upload ${uploadId} has not been uploaded yet`, 409);
      if (stored.sha256 !== upload.sha256) {
        throw new RuleViolation('SVC-10', 'uploadId', `SVC-10: the stored file of upload ${uploadId} does not have the SHA-256 declared for it`, 409);
      }
      const now = ports.clock.now();
      // SVC-10: five years from archiving, however long ago it was uploaded; retention never shortens.
      const kept = await ports.archive.extendRetention({ key: upload.key, retainUntil: retainUntilFor(now, (await ruleSetOf(service)).archiveRetentionYears), now });
      const created: ArchiveRecord = {
        archiveId,
        tenantId,
        kind: 'OUTSOURCING_CONTRACT',
        key: upload.key,
        sha256: upload.sha256,
        size: stored.size,
        contentType: upload.contentType,
        subject: { kind: 'SERVICE', id: service.id },
        policyId: service.policyId,
        enterpriseUscc: service.enterprise.uscc,
        retainUntil: kept?.retainUntil ?? stored.retainUntil,
        archivedAt: now.toISOString(),
        archivedBy: userId,
      };
      await ports.records.create(created);
      record = (await ports.records.record(tenantId, archiveId)) ?? created;
    }
    return { status: 201, body: recordDocument(record) };
  },
});
