import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { obligationStatusSchema } from '../../../domain/services/obligations.schema.js';
import { evaluateObligations, policyForObligations, serviceForObligations } from '../../../domain/services/obligations-engine.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadPolicy, ruleSetFor } from './load-policy.js';
import { policyIdParams } from './schemas.js';

/** SVC-1, SVC-2, SVC-11: two GetItems and one Query, then the pure obligations engine. */
export const getPolicyObligations = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/obligations',
  access: INSURER,
  summary: 'SVC-1, SVC-2, SVC-11: what the policy still owes in its year, and the days left',
  tags: ['services'],
  params: policyIdParams,
  response: obligationStatusSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const [plan, services] = await Promise.all([tenant.plans.getPlan(tenantId, policy.id), tenant.services.servicesOfPolicy(tenantId, policy.id)]);
    const status = evaluateObligations(
      policyForObligations(policy),
      plan,
      services.map(serviceForObligations),
      await ruleSetFor(policy),
      todayOf(servicesRoot().clock),
    );
    return { body: status };
  },
});
