import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import type { Industry } from '../kernel/industry.js';
import type { ServiceProvider, ServiceType } from './service.js';

/** SVC-12: 高 / 中 / 低 风险. */
export const RISK_GRADES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

/** SVC-12: the grade with the factors that produced it, so the grade can be explained. */
export interface RiskAssessmentResult {
  readonly grade: RiskGrade;
  readonly score: number;
  readonly factors: readonly { readonly factor: string; readonly points: number; readonly detail: string }[];
  /** What was graded, so a screen can state each factor in its own language (`detail` is English). */
  readonly inputs?: {
    readonly industry: Industry;
    readonly size: EnterpriseSize;
    readonly accidentRecordBasisPoints: number;
    readonly openHazards: { readonly general: number; readonly major: number };
    readonly monitoringAlarms: number;
  };
  /** Services the grade proposes beyond the SVC-1 minimum, e.g. one more hazard inspection for HIGH. */
  readonly proposedExtra: readonly { readonly type: ServiceType; readonly deep: boolean; readonly count: number }[];
}

/** SVC-4: one line of the plan — a kind of service, how often in the policy year, how and by whom. */
export interface PlanItem {
  readonly type: ServiceType;
  readonly deep: boolean;
  /** Services of this line in the policy year. */
  readonly count: number;
  readonly items: readonly string[];
  readonly measures: string;
  readonly provider: ServiceProvider;
  readonly personnel: readonly string[];
}

/**
 * SVC-4: the service plan agreed with the enterprise (AQ 9010 §6) — items, measures, frequency, provider,
 * personnel, expected goals and support — drawn from its safety basis and accident history, meeting SVC-1.
 */
export interface ServicePlan {
  readonly policyId: string;
  readonly tenantId: string;
  readonly items: readonly PlanItem[];
  readonly goals: string;
  readonly support: string;
  /** The enterprise's safety basis and accident history the plan is drawn from. */
  readonly basis: string;
  /** Who at the enterprise agreed the plan, and on which day. */
  readonly agreedBy: string;
  readonly agreedOn: LocalDate;
  /** SVC-12: the enterprise's grade when the plan was saved. */
  readonly risk: RiskAssessmentResult;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}
