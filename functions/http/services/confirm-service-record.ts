import { INSURER } from '../../../domain/identity/access.js';
import { confirmRecordBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';
import { signRecordStep } from './sign-record-step.js';

/** SVC-9, SVC-13: insurer staff record either party's signature. */
export const confirmServiceRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/services/{serviceId}/confirm',
  access: INSURER,
  summary: "Record a party's signature on the record; CONFIRMED once both have signed (SVC-9, SVC-13)",
  tags: ['services'],
  params: serviceIdParams,
  body: confirmRecordBody,
  response: serviceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, service } = await loadService(tenantId, input.params.serviceId);
    return { body: await signRecordStep(tenant.services, service, input.body, userId) };
  },
});
