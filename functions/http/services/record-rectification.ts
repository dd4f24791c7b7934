import { INSURER } from '../../../domain/identity/access.js';
import { hazardSchema, rectificationBody } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadHazard } from './load-hazard.js';
import { rectifyHazardStep } from './rectify-hazard-step.js';
import { hazardIdParams } from './schemas.js';

export const recordRectification = defineRoute({
  method: 'POST',
  path: '/api/v1/hazards/{hazardId}/rectification',
  access: INSURER,
  summary: "Record the enterprise's rectification plan or closure on its behalf (SVC-7)",
  tags: ['services'],
  params: hazardIdParams,
  body: rectificationBody,
  response: hazardSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, hazard } = await loadHazard(tenantId, input.params.hazardId);
    return { body: await rectifyHazardStep(tenant, hazard, input.body, userId) };
  },
});
