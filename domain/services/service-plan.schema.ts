import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { strictObject } from '../kernel/schema-parts.js';
import { date, described, NAME_MAX, providerBody, serviceProviderSchema, serviceType, text, textList } from './service-fields.js';
import { RISK_GRADES } from './service-plan.js';
import { SERVICE_TYPES } from './service.js';

const plannedServiceSchema = z.object({ type: z.enum(SERVICE_TYPES), deep: z.boolean(), count: z.number() });

/** SVC-12: the grade with the factors that produced it, so the grade can be explained. */
export const riskAssessmentSchema = z.object({
  grade: z.enum(RISK_GRADES),
  score: z.number(),
  factors: z.readonly(z.array(z.object({ factor: z.string(), points: z.number(), detail: z.string() }))),
  inputs: z.optional(
    described(
      z.object({
        industry: z.enum(INDUSTRIES),
        size: z.enum(ENTERPRISE_SIZES),
        accidentRecordBasisPoints: z.number(),
        openHazards: z.object({ general: z.number(), major: z.number() }),
        monitoringAlarms: z.nullable(
          described(z.number(), 'SVC-12: alarms from the monitoring data; null when there is no monitoring data (not 0 alarms)'),
        ),
      }),
      'What was graded',
    ),
  ),
  proposedExtra: described(
    z.readonly(z.array(plannedServiceSchema)),
    'Proposed beyond the SVC-1 minimum',
  ),
});
export type RiskAssessmentResult = z.output<typeof riskAssessmentSchema>;

/** SVC-4: one line of the plan — a kind of service, how often in the policy year, how and by whom. */
const planItemSchema = z.object({
  type: z.enum(SERVICE_TYPES),
  deep: z.boolean(),
  count: described(z.number(), 'Services of this line in the policy year'),
  items: z.readonly(z.array(z.string())),
  measures: z.string(),
  provider: serviceProviderSchema,
  personnel: z.readonly(z.array(z.string())),
});
export type PlanItem = z.output<typeof planItemSchema>;

/**
 * SVC-4: the service plan agreed with the enterprise (AQ 9010 §6) — items, measures, frequency, provider,
 * personnel, expected goals and support — drawn from its safety basis and accident history, meeting SVC-1.
 */
export const servicePlanSchema = z.object({
  policyId: z.string(),
  tenantId: z.string(),
  items: z.readonly(z.array(planItemSchema)),
  goals: z.string(),
  support: z.string(),
  basis: described(z.string(), 'Safety basis and accident history'),
  agreedBy: described(z.string(), 'Who at the enterprise agreed the plan'),
  agreedOn: described(localDateSchema, 'The day it was agreed'),
  risk: described(riskAssessmentSchema, 'SVC-12: grade when saved'),
  archive: z.optional(
    described(
      z.object({ archiveId: z.string(), sha256: z.string(), archivedAt: z.string() }),
      'SVC-4, SVC-10: this version of the agreed plan in the write-once archive (服务方案 is archived)',
    ),
  ),
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number(),
});
export type ServicePlan = z.output<typeof servicePlanSchema>;

/**
 * SVC-4: `PUT /policies/{policyId}/service-plan` — the plan agreed with the enterprise. Whether its counts meet
 * SVC-1 is the rule's to say (`agreePlan`), since the minimums are configurable (RULES-1).
 *
 * @example
 * servicePlanBody.parse({ items: [{ type: 'RISK_ASSESSMENT', count: 2, items: ['风险辨识'], measures: '现场评估',
 *   provider: { kind: 'OWN' }, personnel: ['张工'] }], goals: '…', support: '…', basis: '…', agreedBy: '王矿长',
 *   agreedOn: '2024-07-05' });
 */
export const servicePlanBody = strictObject({
  items: z
    .array(
      strictObject({
        type: serviceType,
        deep: z.optional(z.boolean('SVC-3: deep must be true or false')),
        count: z.int('SVC-4: count must be a whole number of services').check(z.gte(1, 'SVC-4: count must be at least 1')),
        items: textList('SVC-4: items lists what the services cover'),
        measures: text('SVC-4: measures is required: how the services are carried out'),
        provider: providerBody,
        personnel: z.array(text('SVC-4: personnel names who carries the services out', NAME_MAX), 'SVC-4: personnel must be a list of names'),
      }),
      'SVC-4: items must be a list of plan lines',
    )
    .check(z.minLength(1, 'SVC-4: the plan needs at least one line')),
  goals: text('SVC-4: goals is required: the expected goals of the services'),
  support: text('SVC-4: support is required: what the enterprise provides'),
  basis: text("SVC-4: basis is required: the enterprise's safety basis and accident history"),
  agreedBy: text('SVC-4: agreedBy is required: who at the enterprise agreed the plan', NAME_MAX),
  agreedOn: date('agreedOn', 'SVC-4'),
});
export type ServicePlanInput = z.output<typeof servicePlanBody>;
