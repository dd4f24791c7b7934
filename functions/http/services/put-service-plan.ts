import { retainUntilFor } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { servicePlanArchiveDocument } from '../../../domain/services/archive-document.js';
import { policyFactsOf } from '../../../domain/services/policy-facts.js';
import { servicePlanBody, servicePlanSchema } from '../../../domain/services/service-plan.schema.js';
import { agreePlan } from '../../../domain/services/service-plan.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { archiveDocument, insurerNameOf } from './archive-document.js';
import { servicesRoot } from './composition-root.js';
import { loadPolicy, ruleSetFor } from './load-policy.js';
import { riskOf } from './policy-risk.js';
import { policyIdParams } from './schemas.js';

/**
 * SVC-4: the plan agreed with the enterprise, meeting SVC-1, with the SVC-12 grade it was drawn up under; each
 * version agreed is archived write-once (SVC-10) and the plan names its archive.
 */
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
    const { clock, newId } = servicesRoot();
    const now = clock.now();
    const ruleSet = await ruleSetFor(policy);
    const { state: agreed, events } = agreePlan(input.body, {
      policy: policyFactsOf(policy),
      ruleSet,
      risk,
      ...(previous ? { previous } : {}),
      now,
      by: userId,
    });
    // SVC-4, SVC-10: each version agreed goes into the write-once archive (服务方案) before it is saved.
    const archiveId = newId(now);
    const record = await archiveDocument({
      tenantId,
      archiveId,
      kind: 'SERVICE_PLAN',
      document: servicePlanArchiveDocument(agreed, { archiveId, archivedAt: now.toISOString(), insurerName: await insurerNameOf(tenantId), policyNumber: policy.policyNumber }),
      subject: { kind: 'POLICY', id: policy.id },
      policyId: policy.id,
      enterpriseUscc: policy.enterprise.uscc,
      retainUntil: retainUntilFor(now, ruleSet.archiveRetentionYears),
      now,
      by: userId,
    });
    const plan = { ...agreed, archive: { archiveId, sha256: record.sha256, archivedAt: record.archivedAt } };
    await tenant.plans.savePlan(plan, previous?.version, events, record);
    return { body: plan };
  },
});
