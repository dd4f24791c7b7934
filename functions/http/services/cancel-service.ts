import { INSURER } from '../../../domain/identity/access.js';
import { cancelServiceBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { cancelService as cancel } from '../../../domain/services/service-schedule.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

/** SVC-5: a service not yet performed will not take place. */
export const cancelService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/cancel',
  access: INSURER,
  summary: 'Cancel a service not yet performed',
  tags: ['services'],
  params: serviceIdParams,
  body: cancelServiceBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const { state: cancelled, events } = cancel(service, input.body.reason, { now: servicesRoot().clock.now(), by: userId });
    await tenant.services.saveService(cancelled, service.version, events);
    return { body: cancelled };
  },
});
