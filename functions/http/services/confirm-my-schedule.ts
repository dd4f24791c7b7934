import { ENTERPRISE } from '../../../domain/identity/access.js';
import { confirmScheduleBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { confirmScheduleStep } from './confirm-schedule-step.js';
import { ownServiceAtInsurer } from './enterprise-insurer.js';
import { serviceIdParams } from './schemas.js';

/** SVC-5, ACL-5: the enterprise agrees the schedule itself, written through the owning insurer's tenant-scoped store. */
export const confirmMySchedule = defineRoute({
  method: 'POST',
  path: '/api/v1/me/services/{serviceId}/confirm-schedule',
  access: ENTERPRISE,
  summary: 'Agree the items, measures and time of a scheduled service (SVC-5)',
  tags: ['enterprise'],
  params: serviceIdParams,
  body: confirmScheduleBody,
  response: serviceSchema,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { tenant: { services }, service } = await ownServiceAtInsurer(uscc, input.params.serviceId);
    return { body: await confirmScheduleStep(services, service, input.body, 'ENTERPRISE', userId) };
  },
});
