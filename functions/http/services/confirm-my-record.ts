import { ENTERPRISE } from '../../../domain/identity/access.js';
import { enterpriseConfirmBody, serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { ownServiceAtInsurer } from './enterprise-insurer.js';
import { serviceIdParams } from './schemas.js';
import { signRecordStep } from './sign-record-step.js';

/** SVC-9, SVC-13, ACL-5: the enterprise signs the record for itself (a named person's signature). */
export const confirmMyRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/me/services/{serviceId}/confirm',
  access: ENTERPRISE,
  summary: "Sign the service record for the enterprise (SVC-9, SVC-13: a named person's signature)",
  tags: ['enterprise'],
  params: serviceIdParams,
  body: enterpriseConfirmBody,
  response: serviceSchema,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { tenant: { services }, service } = await ownServiceAtInsurer(uscc, input.params.serviceId);
    return { body: await signRecordStep(services, service, { ...input.body, party: 'ENTERPRISE' }, userId) };
  },
});
