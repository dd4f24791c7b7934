import { assessRisk } from '../../../domain/services/risk-grade.js';
import type { RiskAssessmentResult } from '../../../domain/services/service-plan.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import type { TenantServices } from './composition-root.js';

/**
 * SVC-12: the enterprise's grade now — its industry and size, the policy's accident-record factor, the hazards
 * still open with this insurer; monitoring alarms count 0 until a monitoring feed exists. Shown when a plan is
 * agreed (put-service-plan.ts) and on its own (get-policy-risk.ts).
 */
export async function riskOf(tenant: TenantServices, tenantId: string, policy: Policy): Promise<RiskAssessmentResult> {
  const openHazards = policy.tenantId === tenantId ? await tenant.hazards.openHazardsOf(tenantId, policy.enterprise.uscc) : { general: 0, major: 0 };
  return assessRisk({
    industry: policy.enterprise.industry,
    size: policy.enterprise.size,
    accidentRecordBasisPoints: policy.rating.factors.accidentRecord.basisPoints,
    openHazards,
    monitoringAlarms: 0,
  });
}
