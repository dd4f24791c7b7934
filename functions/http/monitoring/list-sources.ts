import { INSURER } from '../../../domain/identity/access.js';
import { publicSource } from '../../../domain/monitoring/source.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { monitoringRoot } from './composition-root.js';
import { listSourcesQuery, sourceSchema } from './schemas.js';

/** MON-2: the insurer's data sources, newest first; never a key, only its prefix. */
export const listSources = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/sources',
  access: INSURER,
  summary: "The insurer's mine data sources (MON-2)",
  tags: ['monitoring'],
  query: listSourcesQuery,
  response: pageOf(sourceSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { monitoring } = await monitoringRoot().forTenant(tenantId);
    const page = await monitoring.listSources(tenantId, { limit: input.query.limit, cursor: input.query.cursor, withTotal: true });
    return { body: { ...page, items: page.items.map(publicSource) } };
  },
});
