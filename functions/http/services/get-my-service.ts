import { ENTERPRISE } from '../../../domain/identity/access.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ownService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

export const getMyService = defineRoute({
  method: 'GET',
  path: '/api/v1/me/services/{serviceId}',
  access: ENTERPRISE,
  summary: "One of the enterprise's services",
  tags: ['enterprise'],
  params: serviceIdParams,
  response: serviceSchema,
  async handle(input) {
    return { body: await ownService(callerOf(input, 'enterprise').uscc, input.params.serviceId) };
  },
});
