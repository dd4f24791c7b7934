import { INSURER } from '../../../domain/identity/access.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { listServicesQuery } from './schemas.js';

/** The insurer's services: newest first, one policy's in scheduled order, or those falling due (GSI2). */
export const listServices = defineRoute({
  method: 'GET',
  path: '/api/v1/services',
  access: INSURER,
  summary: "The insurer's services, by policy, status or next deadline (dueBefore: the due index)",
  tags: ['services'],
  query: listServicesQuery,
  response: pageOf(serviceSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { services } = await servicesRoot().forTenant(tenantId);
    const { limit, cursor, policyId, status, dueBefore } = input.query;
    return { body: await services.listServices(tenantId, { limit, cursor, policyId, status, dueBefore, withTotal: true }) };
  },
});
