import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { servicePlanSchema } from '../../../domain/services/service-plan.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadPolicy } from './load-policy.js';
import { policyIdParams } from './schemas.js';

export const getServicePlan = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/service-plan',
  access: INSURER,
  summary: "A policy's agreed service plan (404 until one is agreed)",
  tags: ['services'],
  params: policyIdParams,
  response: servicePlanSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const plan = await tenant.plans.getPlan(tenantId, policy.id);
    if (!plan) throw new NotFound('service plan');
    return { body: plan };
  },
});
