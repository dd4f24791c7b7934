import * as z from 'zod/mini';
import { INSURER } from '../../../domain/identity/access.js';
import { svcObligationsFor } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { riskAssessmentSchema } from '../../../domain/services/service-plan.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadPolicy, ruleSetFor } from './load-policy.js';
import { riskOf } from './policy-risk.js';
import { policyIdParams } from './schemas.js';

/** SVC-1: the table's minimums for the enterprise's industry and size, or PER_PLAN where the plan decides. */
const svcObligationSchema = z.union([
  z.literal('PER_PLAN'),
  z.object({ riskAssessments: z.number(), hazardInspections: z.number(), deepInspections: z.number() }),
]);

export const getPolicyRisk = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/risk',
  access: INSURER,
  summary: "The enterprise's SVC-12 risk grade with its factors, and the SVC-1 minimums its plan must meet",
  tags: ['services'],
  params: policyIdParams,
  response: z.extend(riskAssessmentSchema, { obligation: svcObligationSchema, ruleSetId: z.string(), ruleSetVersion: z.number() }),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: false });
    const ruleSet = await ruleSetFor(policy);
    const risk = await riskOf(tenant, tenantId, policy);
    return {
      body: {
        ...risk,
        obligation: svcObligationsFor(ruleSet, policy.enterprise.industry, policy.enterprise.size),
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
      },
    };
  },
});
