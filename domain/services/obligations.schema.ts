import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { described } from './service-fields.js';
import { SERVICE_TYPES } from './service.js';

/**
 * SVC-1, SVC-2, SVC-4, SVC-11: what a policy still owes its enterprise in its policy year.
 * The engine (obligations-engine.ts) is pure and fast: it evaluates 100,000 policies with 400,000 services in
 * well under a second on one core (`npm run bench`).
 */

const requirementKeySchema = described(
  z.union([
    z.enum(['RISK_ASSESSMENT', 'HAZARD_INSPECTION', 'DEEP_INSPECTION', 'FIRST_SERVICE']),
    z.templateLiteral(['PLAN:', z.string()]),
  ]),
  'PLAN:<type>[:DEEP] for a plan line',
);
export type RequirementKey = z.output<typeof requirementKeySchema>;

export const REQUIREMENT_STATUSES = ['DONE', 'OPEN', 'OVERDUE'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const requirementSchema = z.object({
  key: requirementKeySchema,
  rule: described(z.enum(['SVC-1', 'SVC-2', 'SVC-4']), 'SVC-1 table, SVC-2 first service, SVC-4 plan line'),
  type: z.optional(z.enum(SERVICE_TYPES)),
  deep: z.optional(z.boolean()),
  required: z.number(),
  done: described(z.number(), 'Archived services that count'),
  open: described(z.number(), 'max(required − done, 0)'),
  inProgress: described(z.number(), 'Live services that would count'),
  dueBy: localDateSchema,
  daysLeft: described(z.number(), 'SVC-11: days to dueBy'),
  status: z.enum(REQUIREMENT_STATUSES),
});
export type Requirement = z.output<typeof requirementSchema>;

export const obligationStatusSchema = z.object({
  policyId: z.string(),
  basis: described(z.enum(['TABLE', 'PER_PLAN']), 'PER_PLAN where SVC-1 leaves it to the plan'),
  requirements: z.readonly(z.array(requirementSchema)),
  periodStart: localDateSchema,
  periodEnd: localDateSchema,
  daysLeftInYear: described(z.number(), 'SVC-11: days left in the policy year'),
  allDone: z.boolean(),
  planMissing: described(z.boolean(), 'SVC-4: no plan agreed with the enterprise (for PER_PLAN its obligations are not evaluable either)'),
});
export type ObligationStatus = z.output<typeof obligationStatusSchema>;
