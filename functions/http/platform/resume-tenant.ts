import { OPERATOR } from '../../../domain/identity/access.js';
import { tenantSchema } from '../../../domain/platform/tenant.js';
import { defineRoute } from '../../middleware/route.js';
import { tenantIdParams, tenantStatusBody } from './schemas.js';
import { setTenantStatus } from './tenant-status.js';

/** ACL-3 (issue 15): the operator resumes a suspended insurer, with a reason; its users work again from their next request. */
export const resumeTenant = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/tenants/{tenantId}/resume',
  access: OPERATOR,
  summary: 'Resume a suspended insurer (ACL-3)',
  tags: ['platform'],
  params: tenantIdParams,
  body: tenantStatusBody,
  response: tenantSchema,
  async handle({ params, body }) {
    return { body: await setTenantStatus(params.tenantId, 'ACTIVE', body.reason) };
  },
});
