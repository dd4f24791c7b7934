import { OPERATOR } from '../../../domain/identity/access.js';
import { tenantSchema } from '../../../domain/platform/tenant.js';
import { defineRoute } from '../../middleware/route.js';
import { tenantIdParams, tenantStatusBody } from './schemas.js';
import { setTenantStatus } from './tenant-status.js';

/**
 * ACL-3 (issue 15): the operator suspends an insurer, with a reason. From the next request every user of the
 * tenant is refused (403 TENANT_SUSPENDED); regulators still read its records (ACL-2). Already suspended: 409.
 */
export const suspendTenant = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/tenants/{tenantId}/suspend',
  access: OPERATOR,
  summary: "Suspend an insurer: its users are refused from their next request (ACL-3)",
  tags: ['platform'],
  params: tenantIdParams,
  body: tenantStatusBody,
  response: tenantSchema,
  async handle({ params, body }) {
    return { body: await setTenantStatus(params.tenantId, 'SUSPENDED', body.reason) };
  },
});
