import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { assessRisk } from '../../../domain/services/risk-grade.js';
import type { RiskAssessmentResult } from '../../../domain/services/service-plan.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { servicesRoot, type TenantServices } from './composition-root.js';
import { ruleSetFor } from './load-policy.js';

/**
 * SVC-12: the enterprise's grade now — its industry and size, the policy's accident-record factor, the hazards
 * still open with this insurer, and the monitoring alarms since the policy began as the monitoring source reports
 * them (no monitoring data until a feed exists, which is said as such, not as 0 alarms). Shown when a plan is
 * agreed (put-service-plan.ts) and on its own (get-policy-risk.ts).
 */
export async function riskOf(tenant: TenantServices, tenantId: string, policy: Policy): Promise<RiskAssessmentResult> {
  const { monitoring, clock } = servicesRoot();
  const today = shanghaiDateOf(clock.now());
  const [openHazards, alarms, ruleSet] = await Promise.all([
    policy.tenantId === tenantId ? tenant.hazards.openHazardsOf(tenantId, policy.enterprise.uscc) : { general: 0, major: 0 },
    monitoring.alarmsOf({ uscc: policy.enterprise.uscc, from: policy.periodStart, to: today < policy.periodStart ? policy.periodStart : today }),
    ruleSetFor(policy),
  ]);
  return assessRisk({
    industry: policy.enterprise.industry,
    size: policy.enterprise.size,
    accidentRecordBasisPoints: policy.rating.factors.accidentRecord.basisPoints,
    openHazards,
    monitoring: alarms,
  }, ruleSet.riskScoreSheet); // RULES-1: the score sheet of the version the policy recorded at issue
}
