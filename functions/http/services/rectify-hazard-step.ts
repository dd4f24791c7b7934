import type { Hazard } from '../../../domain/services/hazard.js';
import type { RectificationInput } from '../../../domain/services/hazard.schema.js';
import { reportRectification } from '../../../domain/services/hazard.rules.js';
import type { TenantServices } from './composition-root.js';
import { servicesRoot } from './composition-root.js';
import { resolveEvidence } from './evidence.js';

/**
 * SVC-7: the rectification the insurer records on the enterprise's behalf (record-rectification.ts) and the
 * enterprise reports itself (report-my-rectification.ts, ACL-5): one step for both — the same rule, evidence
 * checks and events.
 */
export async function rectifyHazardStep(tenant: TenantServices, hazard: Hazard, body: RectificationInput, by: string): Promise<Hazard> {
  const now = servicesRoot().clock.now();
  // The rule's own refusals (state, missing plan) come before the evidence is looked at.
  reportRectification(hazard, { ...body, closed: false }, { now, by, closureEvidence: [] });
  const closureEvidence = await resolveEvidence(tenant.archives, hazard.tenantId, { kind: 'HAZARD', id: hazard.id }, body.closureEvidence ?? [], 'closureEvidence');
  const { state: reported, events } = reportRectification(hazard, body, { now, by, closureEvidence });
  await tenant.hazards.saveHazard(reported, hazard.version, events);
  return reported;
}
