import { INSURER } from '../../../domain/identity/access.js';
import { followUpBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

/** SVC-8: the follow-up (回访); a late one is recorded as late, never refused. */
export const followUpService = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/follow-up',
  access: INSURER,
  summary: 'Record the follow-up (回访) within 10 working days (SVC-8)',
  tags: ['services'],
  params: serviceIdParams,
  body: followUpBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    const { state: followedUp, events } = recordFollowUp(service, input.body, { now: servicesRoot().clock.now(), by: userId });
    await tenant.services.saveService(followedUp, service.version, events);
    return { body: followedUp };
  },
});
