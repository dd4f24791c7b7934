import { NotFound } from '../../../domain/kernel/errors.js';
import { defineRoute } from '../route.js';
import { platformDeps } from './deps.js';
import { tenantIdParams, tenantSchema } from './schemas.js';

export const getTenant = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/tenants/{tenantId}',
  summary: "One insurer's profile",
  tags: ['platform'],
  params: tenantIdParams,
  response: tenantSchema,
  async handle({ params }) {
    const tenant = await platformDeps().repository.getTenant(params.tenantId);
    if (!tenant) throw new NotFound('tenant');
    return { body: tenant };
  },
});
