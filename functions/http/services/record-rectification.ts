import { INSURER } from '../../../domain/identity/access.js';
import { hazardSchema, onSiteRectificationBody } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadHazard } from './load-hazard.js';
import { rectifyHazardStep } from './rectify-hazard-step.js';
import { hazardIdParams } from './schemas.js';

/**
 * SVC-7, SVC-13: the enterprise's rectification report captured on the insurer staff's device, naming who
 * reported, when and where — only for an enterprise without an account (409 otherwise: it reports itself), and
 * kept as such on the hazard. The insurer's own part is the verification (verify-hazard.ts).
 */
export const recordRectification = defineRoute({
  method: 'POST',
  path: '/api/v1/hazards/{hazardId}/rectification',
  access: INSURER,
  summary: "Capture the enterprise's rectification report on site, for an enterprise without an account (SVC-7, SVC-13)",
  tags: ['services'],
  params: hazardIdParams,
  body: onSiteRectificationBody,
  response: hazardSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, hazard } = await loadHazard(tenantId, input.params.hazardId);
    return { body: await rectifyHazardStep(tenant, hazard, input.body, userId) };
  },
});
