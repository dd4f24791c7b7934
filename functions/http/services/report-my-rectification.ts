import { ENTERPRISE } from '../../../domain/identity/access.js';
import { hazardSchema, rectificationBody } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ownHazardAtInsurer } from './enterprise-insurer.js';
import { rectifyHazardStep } from './rectify-hazard-step.js';
import { hazardIdParams } from './schemas.js';

/** SVC-7, ACL-5: the enterprise reports its rectification itself, through the owning insurer's tenant-scoped store. */
export const reportMyRectification = defineRoute({
  method: 'POST',
  path: '/api/v1/me/hazards/{hazardId}/rectification',
  access: ENTERPRISE,
  summary: 'Report the rectification plan, or the hazard closed with evidence (SVC-7)',
  tags: ['enterprise'],
  params: hazardIdParams,
  body: rectificationBody,
  response: hazardSchema,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { tenant, hazard } = await ownHazardAtInsurer(uscc, input.params.hazardId);
    return { body: await rectifyHazardStep(tenant, hazard, input.body, userId) };
  },
});
