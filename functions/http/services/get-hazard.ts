import { INSURER } from '../../../domain/identity/access.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadHazard } from './load-hazard.js';
import { hazardIdParams } from './schemas.js';

export const getHazard = defineRoute({
  method: 'GET',
  path: '/api/v1/hazards/{hazardId}',
  access: INSURER,
  summary: 'One hazard with its notice, rectification and verifications',
  tags: ['services'],
  params: hazardIdParams,
  response: hazardSchema,
  async handle(input) {
    const { hazard } = await loadHazard(callerOf(input, 'insurer').tenantId, input.params.hazardId);
    return { body: hazard };
  },
});
