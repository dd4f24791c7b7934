import { INSURER } from '../../../domain/identity/access.js';
import { policyFactsOf } from '../../../domain/services/policy-facts.js';
import { servicePlanBody, servicePlanSchema } from '../../../domain/services/service-plan.schema.js';
import { agreePlan } from '../../../domain/services/service-plan.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { servicesRoot } from './composition-root.js';
import { loadPolicy, ruleSetFor } from './load-policy.js';
import { riskOf } from './policy-risk.js';
import { policyIdParams } from './schemas.js';

/** SVC-4: the plan agreed with the enterprise, meeting SVC-1, with the SVC-12 grade it was drawn up under. */
export const putServicePlan = defineRoute({
  method: 'PUT',
  path: '/api/v1/policies/{policyId}/service-plan',
  access: INSURER,
  summary: 'Agree the service plan of a policy (SVC-4; meets SVC-1; shows the SVC-12 grade)',
  tags: ['services'],
  params: policyIdParams,
  body: servicePlanBody,
  response: servicePlanSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const [previous, risk] = await Promise.all([tenant.plans.getPlan(tenantId, policy.id), riskOf(tenant, tenantId, policy)]);
    const { state: plan, events } = agreePlan(input.body, {
      policy: policyFactsOf(policy),
      ruleSet: ruleSetFor(policy),
      risk,
      ...(previous ? { previous } : {}),
      now: servicesRoot().clock.now(),
      by: userId,
    });
    await tenant.plans.savePlan(plan, previous?.version, events);
    return { body: plan };
  },
});
