import { NotFound } from '../../../domain/kernel/errors.js';
import { defineRoute } from '../../middleware/route.js';
import { tenantSchema } from '../../../domain/platform/tenant.js';
import { platformRoot } from './composition-root.js';
import { tenantIdParams } from './schemas.js';
import { OPERATOR } from '../../../domain/identity/access.js';

export const getTenant = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/tenants/{tenantId}',
  access: OPERATOR,
  summary: "One insurer's profile",
  tags: ['platform'],
  params: tenantIdParams,
  response: tenantSchema,
  async handle({ params }) {
    const tenant = await platformRoot().repository.getTenant(params.tenantId);
    if (!tenant) throw new NotFound('tenant');
    return { body: tenant };
  },
});
