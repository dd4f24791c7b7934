import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import type { AnyEventType } from '../kernel/events.js';
import { defineEvent } from '../kernel/events.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { about } from './fields.schema.js';
import { POLICY_MODES, POLICY_STATUSES } from './policy.js';
import type { Policy } from './policy.js';

/**
 * What every policy event carries: the facts a subscriber needs to keep a view of the policy (ACL-1 members'
 * copies, UW-11 coverage) without reading the lead's partition for them.
 */
export const policyEventPayload = z.object({
  policyId: z.string(),
  policyNumber: about(z.string(), "Unique per insurer (UW-1)"),
  enterpriseUscc: about(z.string(), 'The insured enterprise (UW-2)'),
  industry: about(z.enum(INDUSTRIES), "The register's industry when issued (SCOPE-1)"),
  county: about(z.string(), "The register's county when issued (SCOPE-5 area code)"),
  periodStart: about(localDateSchema, 'The first day covered'),
  periodEnd: about(localDateSchema, 'The last day covered (inclusive)'),
  status: z.enum(POLICY_STATUSES),
  mode: z.enum(POLICY_MODES),
  members: about(z.array(z.string()), 'UW-6: the tenant ids of every insurer on the policy, the lead included'),
  cancelledOn: about(z.optional(localDateSchema), 'The first day no longer covered, once cancelled'),
});
export type PolicyEventPayload = z.output<typeof policyEventPayload>;

/** The payload of a policy event, from the policy as it is after the change. */
export function policyEventPayloadOf(policy: Policy): PolicyEventPayload {
  return {
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    enterpriseUscc: policy.enterprise.uscc,
    industry: policy.enterprise.industry,
    county: policy.enterprise.county,
    periodStart: policy.periodStart,
    periodEnd: policy.periodEnd,
    status: policy.status,
    mode: policy.mode,
    members: policy.members.map((member) => member.tenantId),
    ...(policy.cancellation === undefined ? {} : { cancelledOn: policy.cancellation.on }),
  };
}

export const policyIssued = defineEvent({
  name: 'underwriting.policy.issued',
  version: 1,
  aggregate: 'policy',
  summary: 'A policy was issued (UW-1..10)',
  payload: policyEventPayload,
});

export const policyEndorsed = defineEvent({
  name: 'underwriting.policy.endorsed',
  version: 1,
  aggregate: 'policy',
  summary: 'A policy was endorsed: staff count, insured amount, death limit or period end (UW-3, UW-4, UW-9)',
  payload: policyEventPayload,
});

export const policyCancelled = defineEvent({
  name: 'underwriting.policy.cancelled',
  version: 1,
  aggregate: 'policy',
  summary: 'A policy was cancelled from a day on (UW-1)',
  payload: policyEventPayload,
});

export const qualificationChanged = defineEvent({
  name: 'underwriting.qualification.changed',
  version: 1,
  aggregate: 'qualification',
  summary: "An insurer's qualification filing for a year was saved (QUAL-1..6); its id is `<tenantId>-<year>`",
  payload: z.object({
    year: about(z.int(), 'The filing year'),
    version: about(z.int(), "The filing's version after the change"),
    filedOn: about(z.optional(localDateSchema), 'QUAL-6: the day the filing counts as submitted, once it does'),
  }),
});

export const paperFilingRecorded = defineEvent({
  name: 'underwriting.qualification.paper_filing_recorded',
  version: 1,
  aggregate: 'qualification',
  summary:
    "The city EMB recorded the day an insurer's qualification materials reached it on paper (QUAL-6); its id is `<tenantId>-<year>`",
  payload: z.object({
    year: about(z.int(), 'The filing year'),
    version: about(z.int(), "The paper filing record's version"),
    filedOn: about(localDateSchema, 'QUAL-6: the day the paper materials were received'),
  }),
});

export const refusalRecorded = defineEvent({
  name: 'underwriting.refusal.recorded',
  version: 1,
  aggregate: 'refusal',
  summary: 'An insurer recorded that it declined to insure an enterprise on the register, and why (UW-12: 无正当理由不得拒保)',
  payload: z.object({
    refusalId: z.string(),
    enterpriseUscc: about(z.string(), 'The enterprise declined (REG-1)'),
    industry: about(z.enum(INDUSTRIES), "The register's industry"),
    county: about(z.string(), "The register's county (ACL-4: the county EMB sees its own)"),
    reason: about(z.string(), 'One of the UW-12 reasons'),
    refusedOn: about(localDateSchema, 'The day it was recorded'),
  }),
});

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const underwritingEvents = {
  policyIssued,
  policyEndorsed,
  policyCancelled,
  qualificationChanged,
  paperFilingRecorded,
  refusalRecorded,
} as const satisfies Readonly<Record<string, AnyEventType>>;
