import { ENTERPRISE } from '../../../domain/identity/access.js';
import { hazardSchema } from '../../../domain/services/hazard.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { myHazardsQuery } from './schemas.js';

export const listMyHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/me/hazards',
  access: ENTERPRISE,
  summary: "The hazards found at the enterprise, across insurers, with their notices (SVC-7)",
  tags: ['enterprise'],
  query: myHazardsQuery,
  response: pageOf(hazardSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const { limit, cursor, status } = input.query;
    return { body: await (await servicesRoot().forEnterprise(uscc)).hazards.hazardsOf(uscc, { limit, cursor, status, withTotal: true }) };
  },
});
