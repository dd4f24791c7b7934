import { INSURER } from '../../../domain/identity/access.js';
import { confirmScheduleBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { confirmScheduleStep } from './confirm-schedule-step.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

/** SVC-5: insurer staff record the enterprise's agreement (phone, visit). */
export const confirmSchedule = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/confirm-schedule',
  access: INSURER,
  summary: "Record the enterprise's agreement to the items, measures and time (SVC-5)",
  tags: ['services'],
  params: serviceIdParams,
  body: confirmScheduleBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    return { body: await confirmScheduleStep(tenant.services, service, input.body, 'INSURER', userId) };
  },
});
