import { RuleViolation } from '../../../domain/kernel/errors.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { reportRectification } from '../../../domain/services/hazard.rules.js';
import type { EvidenceUploadInput, RectificationInput } from '../../../domain/services/inputs.js';
import type { ServiceRepository } from '../../../domain/services/service.repository.js';
import type { UploadTicket } from '../../../domain/archive/archive-store.js';
import { serviceDeps } from './deps.js';
import { issueUpload, resolveEvidence } from './evidence.js';

/**
 * SVC-7: the rectification steps the insurer records on the enterprise's behalf and the enterprise records
 * itself (ACL-5), one implementation for both: the same rule, evidence checks and events.
 */

/** SVC-7, SVC-13: closure evidence is uploaded while the hazard is still being rectified. */
export async function hazardEvidenceUpload(
  repository: ServiceRepository,
  hazard: Hazard,
  body: EvidenceUploadInput,
  by: string,
): Promise<{ uploadId: string; ticket: UploadTicket }> {
  if (hazard.status !== 'OPEN' && hazard.status !== 'RECTIFYING') {
    throw new RuleViolation('SVC-7', 'hazardId', `SVC-7: hazard ${hazard.id} is ${hazard.status}; closure evidence is uploaded while it is rectified`, 409);
  }
  return issueUpload(repository, {
    tenantId: hazard.tenantId,
    subject: { kind: 'HAZARD', id: hazard.id },
    body,
    ruleSet: selectRuleSet(serviceDeps().ruleSets, hazard.foundOn),
    by,
  });
}

export async function rectifyHazard(repository: ServiceRepository, hazard: Hazard, body: RectificationInput, by: string): Promise<Hazard> {
  const now = serviceDeps().clock.now();
  // The rule's own refusals (state, missing plan) come before the evidence is looked at.
  reportRectification(hazard, { ...body, closed: false }, { now, by, closureEvidence: [] });
  const closureEvidence = await resolveEvidence(repository, hazard.tenantId, { kind: 'HAZARD', id: hazard.id }, body.closureEvidence ?? [], 'closureEvidence');
  const updated = reportRectification(hazard, body, { now, by, closureEvidence });
  await repository.saveHazard(updated, hazard.version, updated.status === 'RECTIFIED' ? 'services.hazard.rectified' : 'services.hazard.rectification_reported');
  return updated;
}
