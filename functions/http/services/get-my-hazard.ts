import { ENTERPRISE } from '../../../domain/identity/access.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ownHazard } from './load-hazard.js';
import { hazardIdParams } from './schemas.js';

export const getMyHazard = defineRoute({
  method: 'GET',
  path: '/api/v1/me/hazards/{hazardId}',
  access: ENTERPRISE,
  summary: 'One hazard found at the enterprise',
  tags: ['enterprise'],
  params: hazardIdParams,
  response: hazardSchema,
  async handle(input) {
    return { body: await ownHazard(callerOf(input, 'enterprise').uscc, input.params.hazardId) };
  },
});
