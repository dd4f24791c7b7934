import type { Hazard } from '../../../domain/services/hazard.js';
import type { OnSiteRectificationInput, RectificationInput } from '../../../domain/services/hazard.schema.js';
import { captureRectificationOnSite, reportRectification } from '../../../domain/services/hazard.rules.js';
import type { TenantServices } from './composition-root.js';
import { servicesRoot } from './composition-root.js';
import { resolveEvidence } from './evidence.js';

/**
 * SVC-7: the enterprise's rectification report — made through its own login (report-my-rectification.ts, ACL-5)
 * or, for an enterprise without an account, captured on the insurer staff's device (record-rectification.ts,
 * `onSite`): one step for both — the same rule, evidence checks and events.
 */
export async function rectifyHazardStep(
  tenant: TenantServices,
  hazard: Hazard,
  body: RectificationInput | OnSiteRectificationInput,
  by: string,
): Promise<Hazard> {
  const root = servicesRoot();
  const now = root.clock.now();
  const onSite = 'onSite' in body ? body : undefined;
  const enterpriseHasAccount = onSite === undefined ? false : await root.enterpriseAccounts.hasActiveAccount(hazard.enterprise.uscc);
  const report = (closureEvidence: Parameters<typeof reportRectification>[2]['closureEvidence'], input: RectificationInput | OnSiteRectificationInput) =>
    onSite === undefined
      ? reportRectification(hazard, input, { now, by, closureEvidence })
      : captureRectificationOnSite(hazard, { ...input, onSite: onSite.onSite }, { now, by, closureEvidence, enterpriseHasAccount });
  // The rule's own refusals (an account of its own, state, missing plan) come before the evidence is looked at.
  report([], { ...body, closed: false });
  const closureEvidence = await resolveEvidence(tenant.archives, hazard.tenantId, { kind: 'HAZARD', id: hazard.id }, body.closureEvidence ?? [], 'closureEvidence');
  const { state: reported, events } = report(closureEvidence, body);
  await tenant.hazards.saveHazard(reported, hazard.version, events);
  return reported;
}
