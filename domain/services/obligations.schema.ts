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
  'A table minimum, the first service, or a line of the service plan where SVC-1 leaves the services to the plan: PLAN:<type>[:DEEP]',
);
export type RequirementKey = z.output<typeof requirementKeySchema>;

export const REQUIREMENT_STATUSES = ['DONE', 'OPEN', 'OVERDUE'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

const requirementSchema = z.object({
  key: requirementKeySchema,
  rule: described(z.enum(['SVC-1', 'SVC-2', 'SVC-4']), 'SVC-1 (table minimums), SVC-2 (first service) or SVC-4 (a plan line)'),
  type: z.optional(z.enum(SERVICE_TYPES)),
  deep: z.optional(z.boolean()),
  required: z.number(),
  done: described(z.number(), 'Archived services that count (a service counts once it is archived: SVC-2 "and its archive uploaded")'),
  open: described(z.number(), 'max(required − done, 0)'),
  inProgress: described(z.number(), 'Services scheduled or under way that would count once archived'),
  dueBy: localDateSchema,
  daysLeft: described(z.number(), 'SVC-11: days from today to dueBy (negative when past)'),
  status: z.enum(REQUIREMENT_STATUSES),
});
export type Requirement = z.output<typeof requirementSchema>;

export const obligationStatusSchema = z.object({
  policyId: z.string(),
  basis: described(z.enum(['TABLE', 'PER_PLAN']), 'PER_PLAN where SVC-1 leaves services to the plan (small/micro, other industries)'),
  requirements: z.readonly(z.array(requirementSchema)),
  periodStart: localDateSchema,
  periodEnd: localDateSchema,
  daysLeftInYear: described(z.number(), 'SVC-11: days left in the policy year'),
  allDone: z.boolean(),
  planMissing: described(z.boolean(), 'PER_PLAN policies without a plan cannot be evaluated; this says so rather than claiming nothing is owed'),
});
export type ObligationStatus = z.output<typeof obligationStatusSchema>;
