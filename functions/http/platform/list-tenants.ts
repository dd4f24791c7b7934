import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { tenantSchema } from '../../../domain/platform/tenant.js';
import { platformRoot } from './composition-root.js';
import { listTenantsQuery } from './schemas.js';
import { OPERATOR } from '../../../domain/identity/access.js';

/** Tenant profiles for the operator (ACL-3: profiles only, never the tenants' data). */
export const listTenants = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/tenants',
  access: OPERATOR,
  summary: 'List onboarded insurers; `q` filters by name',
  tags: ['platform'],
  query: listTenantsQuery,
  response: pageOf(tenantSchema),
  async handle({ query }) {
    const page = await platformRoot().repository.listTenants({
      limit: query.limit,
      cursor: query.cursor,
      withTotal: true,
      nameContains: query.q || undefined,
    });
    return { body: page };
  },
});
