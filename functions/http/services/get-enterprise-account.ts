import * as z from 'zod/mini';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadService } from './load-service.js';
import { serviceIdParams } from './schemas.js';

const enterpriseAccountSchema = z.object({
  uscc: z.string(),
  hasAccount: z.boolean().check(z.meta({ description: 'An enterprise user not disabled: then it signs and reports itself (SVC-7, SVC-9)' })),
});

/**
 * SVC-9, SVC-7: whether the served enterprise has an account of its own — so the console offers the on-site
 * signature capture only where the platform will take it (an enterprise with an account signs for itself).
 */
export const getEnterpriseAccount = defineRoute({
  method: 'GET',
  path: '/api/v1/services/{serviceId}/enterprise-account',
  access: INSURER,
  summary: 'Whether the served enterprise has an account (then it signs and reports itself, SVC-7, SVC-9)',
  tags: ['services'],
  params: serviceIdParams,
  response: enterpriseAccountSchema,
  async handle(input) {
    const { service } = await loadService(callerOf(input, 'insurer').tenantId, input.params.serviceId);
    const { uscc } = service.enterprise;
    return { body: { uscc, hasAccount: await servicesRoot().enterpriseAccounts.hasActiveAccount(uscc) } };
  },
});
