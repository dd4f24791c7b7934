import { INSURER } from '../../../domain/identity/access.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

export const getService = defineRoute({
  method: 'GET',
  path: '/api/v1/services/{serviceId}',
  access: INSURER,
  summary: 'One service with its record, evidence, deadlines, confirmations and review flags (hazards: GET /hazards?serviceId=)',
  tags: ['services'],
  params: serviceIdParams,
  response: serviceSchema,
  async handle(input) {
    const { service } = await loadService(callerOf(input, 'insurer').tenantId, input.params.serviceId);
    return { body: service };
  },
});
