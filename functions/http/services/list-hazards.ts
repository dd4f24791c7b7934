import { INSURER } from '../../../domain/identity/access.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { listHazardsQuery } from './schemas.js';

export const listHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/hazards',
  access: INSURER,
  summary: "The insurer's hazards found, newest first, by status, grade or service (SVC-7)",
  tags: ['services'],
  query: listHazardsQuery,
  response: pageOf(hazardSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { hazards } = await servicesRoot().forTenant(tenantId);
    const { limit, cursor, status, grade, serviceId } = input.query;
    return { body: await hazards.listHazards(tenantId, { limit, cursor, status, grade, serviceId, withTotal: true }) };
  },
});
