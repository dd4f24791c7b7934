import { serviceSchema } from '../../../domain/services/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { loadService, serviceDeps } from './deps.js';
import { listServicesQuery, serviceIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

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
    const tenantId = callerOf(input).tenantId as string;
    const { services } = await serviceDeps().forTenant(tenantId);
    const { limit, cursor, policyId, status, dueBefore } = input.query;
    return { body: await services.listServices(tenantId, { limit, cursor, policyId, status, dueBefore }) };
  },
});

export const getService = defineRoute({
  method: 'GET',
  path: '/api/v1/services/{serviceId}',
  access: INSURER,
  summary: 'One service with its record, evidence, deadlines, confirmations and review flags (hazards: GET /hazards?serviceId=)',
  tags: ['services'],
  params: serviceIdParams,
  response: serviceSchema,
  async handle(input) {
    return { body: (await loadService(callerOf(input).tenantId as string, input.params.serviceId)).service };
  },
});
