import * as z from 'zod/mini';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { selectRuleSet, svcObligationsFor } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { policyFactsOf } from '../../../domain/services/lifecycle.js';
import { evaluateObligations } from '../../../domain/services/obligations-engine.js';
import { assessRisk } from '../../../domain/services/risk-grade.js';
import { agreePlan } from '../../../domain/services/service-plan.rules.js';
import { obligationStatusSchema, riskAssessmentSchema, servicePlanBody, servicePlanSchema } from '../../../domain/services/schemas.js';
import type { RiskAssessmentResult } from '../../../domain/services/service-plan.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadPolicy, serviceDeps, type TenantServices } from './deps.js';
import { policyIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

/** RULES-1: a policy's services follow the rule set in force on its start date. */
const ruleSetFor = (policy: Policy) => selectRuleSet(serviceDeps().ruleSets, policy.periodStart);

/**
 * SVC-12: the enterprise's grade now — its industry and size, the policy's accident-record factor, the hazards
 * still open with this insurer; monitoring alarms count 0 until a monitoring feed exists.
 */
async function riskOf(tenant: TenantServices, tenantId: string, policy: Policy): Promise<RiskAssessmentResult> {
  const openHazards = policy.tenantId === tenantId ? await tenant.services.openHazardsOf(tenantId, policy.enterprise.uscc) : { general: 0, major: 0 };
  return assessRisk({
    industry: policy.enterprise.industry,
    size: policy.enterprise.size,
    accidentRecordBasisPoints: policy.rating.factors.accidentRecord.basisPoints,
    openHazards,
    monitoringAlarms: 0,
  });
}

const svcObligationSchema = z.union([
  z.literal('PER_PLAN'),
  z.object({ riskAssessments: z.number(), hazardInspections: z.number(), deepInspections: z.number() }),
]);

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
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const [previous, risk] = await Promise.all([tenant.services.getPlan(tenantId, policy.id), riskOf(tenant, tenantId, policy)]);
    const plan = agreePlan(input.body, {
      policy: policyFactsOf(policy),
      ruleSet: ruleSetFor(policy),
      risk,
      ...(previous ? { previous } : {}),
      now: serviceDeps().clock.now(),
      by: caller.userId,
    });
    await tenant.services.savePlan(plan, previous?.version);
    return { body: plan };
  },
});

export const getServicePlan = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/service-plan',
  access: INSURER,
  summary: "A policy's agreed service plan (404 until one is agreed)",
  tags: ['services'],
  params: policyIdParams,
  response: servicePlanSchema,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const plan = await tenant.services.getPlan(tenantId, policy.id);
    if (!plan) throw new NotFound('service plan');
    return { body: plan };
  },
});

export const getPolicyRisk = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/risk',
  access: INSURER,
  summary: "The enterprise's SVC-12 risk grade with its factors, and the SVC-1 minimums its plan must meet",
  tags: ['services'],
  params: policyIdParams,
  response: z.extend(riskAssessmentSchema, { obligation: svcObligationSchema, ruleSetId: z.string(), ruleSetVersion: z.number() }),
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: false });
    const ruleSet = ruleSetFor(policy);
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

export const getPolicyObligations = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}/obligations',
  access: INSURER,
  summary: 'SVC-1, SVC-2, SVC-11: what the policy still owes in its year, and the days left',
  tags: ['services'],
  params: policyIdParams,
  response: obligationStatusSchema,
  async handle(input) {
    const tenantId = callerOf(input).tenantId as string;
    const { tenant, policy } = await loadPolicy(tenantId, input.params.policyId, { lead: true });
    const [plan, services] = await Promise.all([tenant.services.getPlan(tenantId, policy.id), tenant.services.servicesOfPolicy(tenantId, policy.id)]);
    const status = evaluateObligations(
      {
        id: policy.id,
        industry: policy.enterprise.industry,
        size: policy.enterprise.size,
        periodStart: policy.periodStart,
        periodEnd: policy.periodEnd,
        ...(policy.cancellation ? { cancelledOn: policy.cancellation.on } : {}),
      },
      plan,
      services.map((service) => ({
        type: service.type,
        deep: service.deep,
        status: service.status,
        ...(service.record ? { performedOn: service.record.performedOn } : {}),
      })),
      ruleSetFor(policy),
      shanghaiDateOf(serviceDeps().clock.now()),
    );
    return { body: status };
  },
});
