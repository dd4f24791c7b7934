import type { UploadTicket } from '../../../domain/archive/archive-store.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { EvidenceUploadInput } from '../../../domain/services/evidence.schema.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { servicesRoot } from './composition-root.js';
import { issueUpload } from './evidence.js';

/**
 * SVC-7, SVC-13: a ticket for one closure-evidence file, for the insurer (request-hazard-evidence-upload.ts) or
 * the enterprise (request-my-hazard-evidence-upload.ts): closure evidence is uploaded while the hazard is
 * still being rectified.
 */
export async function hazardEvidenceUploadStep(
  archives: ArchiveRecordRepository,
  hazard: Hazard,
  body: EvidenceUploadInput,
  by: string,
): Promise<{ uploadId: string; ticket: UploadTicket }> {
  if (hazard.status !== 'OPEN' && hazard.status !== 'RECTIFYING') {
    throw new RuleViolation('SVC-7', 'hazardId', `SVC-7: hazard ${hazard.id} is ${hazard.status}; closure evidence is uploaded while it is rectified`, 409);
  }
  return issueUpload(archives, {
    tenantId: hazard.tenantId,
    subject: { kind: 'HAZARD', id: hazard.id },
    body,
    ruleSet: selectRuleSet(await servicesRoot().ruleSets.versions(), hazard.foundOn),
    by,
  });
}
