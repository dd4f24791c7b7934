import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { strictObject } from '../kernel/schema-parts.js';
import { evidenceBody, evidenceItemSchema, MAX_EVIDENCE_ITEMS } from './evidence.schema.js';
import { HAZARD_GRADES, HAZARD_STATUSES } from './hazard.js';
import { date, described, NAME_MAX, text } from './service-fields.js';

/** SVC-7: the written hazard notice (隐患整改通知书), a document in the write-once archive. */
const hazardNoticeSchema = z.object({
  archiveId: z.string(),
  archiveKey: z.string(),
  sha256: z.string(),
  issuedAt: z.string(),
  addressedTo: described(z.string(), 'MAJOR: the 主要负责人'),
});

/** SVC-7: the enterprise's rectification plan, and its closure once reported. */
const rectificationSchema = z.object({
  plan: z.string(),
  dueOn: localDateSchema,
  responsiblePerson: z.string(),
  reportedAt: z.string(),
  reportedBy: z.string(),
  closedAt: z.optional(described(z.string(), 'Set when the enterprise reports it closed')),
  closureNote: z.optional(z.string()),
  closureEvidence: z.readonly(z.array(evidenceItemSchema)),
});

const verificationSchema = z.object({ accepted: z.boolean(), comments: z.string(), at: z.string(), by: z.string() });

/** SVC-7: a hazard found on a service, followed from its written notice to the insurer's verification. */
export const hazardSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  serviceId: z.string(),
  policyId: z.string(),
  enterprise: z.object({ uscc: z.string(), name: z.string(), county: z.string() }),
  description: z.string(),
  grade: z.enum(HAZARD_GRADES),
  rectifyBy: described(localDateSchema, 'Deadline the inspector set'),
  status: z.enum(HAZARD_STATUSES),
  foundOn: localDateSchema,
  notice: hazardNoticeSchema,
  rectification: z.optional(rectificationSchema),
  verifications: described(z.readonly(z.array(verificationSchema)), 'Newest last, rejected ones kept'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export type Hazard = z.output<typeof hazardSchema>;
export type HazardNotice = z.output<typeof hazardNoticeSchema>;
export type Rectification = z.output<typeof rectificationSchema>;
export type Verification = z.output<typeof verificationSchema>;

/** SVC-7: `POST /hazards/{id}/rectification` or `/me/hazards/{id}/rectification`. */
export const rectificationBody = strictObject({
  plan: z.optional(described(text('SVC-7: plan must not be blank'), 'The plan, required the first time')),
  dueOn: z.optional(described(date('dueOn', 'SVC-7'), 'Its due date, required the first time')),
  responsiblePerson: z.optional(text('SVC-7: responsiblePerson must not be blank', NAME_MAX)),
  closed: z.optional(described(z.boolean('SVC-7: closed must be true or false'), 'Reported closed (needs closureEvidence)')),
  closureNote: z.optional(text('SVC-7: closureNote must not be blank')),
  closureEvidence: z.optional(
    z.array(evidenceBody, 'SVC-7: closureEvidence must be a list').check(z.maxLength(MAX_EVIDENCE_ITEMS, `SVC-7: at most ${MAX_EVIDENCE_ITEMS} evidence items`)),
  ),
});
export type RectificationInput = z.output<typeof rectificationBody>;

/** SVC-7: `POST /hazards/{id}/verify`. */
export const verifyHazardBody = strictObject({
  accepted: z.boolean('SVC-7: accepted must be true or false'),
  comments: text('SVC-7: comments is required: what the verification found'),
});
export type VerifyHazardInput = z.output<typeof verifyHazardBody>;
