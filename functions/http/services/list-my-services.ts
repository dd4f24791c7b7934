import { ENTERPRISE } from '../../../domain/identity/access.js';
import { serviceSchema } from '../../../domain/services/service.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { servicesRoot } from './composition-root.js';
import { myServicesQuery } from './schemas.js';

/** ACL-5: the enterprise's own services across insurers, through the enterprise index with the USCC of its token. */
export const listMyServices = defineRoute({
  method: 'GET',
  path: '/api/v1/me/services',
  access: ENTERPRISE,
  summary: "The enterprise's prevention services across insurers",
  tags: ['enterprise'],
  query: myServicesQuery,
  response: pageOf(serviceSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const { limit, cursor, status } = input.query;
    return { body: await (await servicesRoot().forEnterprise(uscc)).services.servicesOf(uscc, { limit, cursor, status, withTotal: true }) };
  },
});
