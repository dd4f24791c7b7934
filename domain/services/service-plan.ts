/** SVC-12: 高 / 中 / 低 风险. */
export const RISK_GRADES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

// The plan's shape is its schema's (service-plan.schema.ts).
export type { PlanItem, RiskAssessmentResult, ServicePlan } from './service-plan.schema.js';
