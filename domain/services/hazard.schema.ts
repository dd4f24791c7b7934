import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { strictObject } from '../kernel/schema-parts.js';
import { evidenceBody, evidenceItemSchema, geoLocationBody, geoLocationSchema, MAX_EVIDENCE_ITEMS } from './evidence.schema.js';
import { HAZARD_GRADES, HAZARD_STATUSES } from './hazard.js';
import { date, described, instant, NAME_MAX, text } from './service-fields.js';

/** SVC-7: the written hazard notice (隐患整改通知书), a document in the write-once archive. */
const hazardNoticeSchema = z.object({
  archiveId: z.string(),
  archiveKey: z.string(),
  sha256: z.string(),
  issuedAt: z.string(),
  addressedTo: described(z.string(), 'MAJOR: the 主要负责人'),
});

/**
 * SVC-7, SVC-13: a report the enterprise's person made on the insurer staff's device, the enterprise having no
 * account — kept with who reported, when and where, and shown as such to everyone who reads the hazard.
 */
const onSiteReportSchema = z.object({
  reporterName: described(z.string(), "The enterprise's person who reported"),
  reportedAt: described(z.string(), 'Device time'),
  location: z.optional(geoLocationSchema),
  closed: described(z.boolean(), 'This report said the hazard is closed'),
  recordedAt: z.string(),
  userId: described(z.string(), 'The insurer staff member whose device captured it'),
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
  onSiteReports: z.optional(
    described(z.readonly(z.array(onSiteReportSchema)), "SVC-7, SVC-13: reports captured on the insurer staff's device (flagged), oldest first"),
  ),
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
const rectificationShape = {
  plan: z.optional(described(text('SVC-7: plan must not be blank'), 'The plan, required the first time')),
  dueOn: z.optional(described(date('dueOn', 'SVC-7'), 'Its due date, required the first time')),
  responsiblePerson: z.optional(text('SVC-7: responsiblePerson must not be blank', NAME_MAX)),
  closed: z.optional(described(z.boolean('SVC-7: closed must be true or false'), 'Reported closed (needs closureEvidence)')),
  closureNote: z.optional(text('SVC-7: closureNote must not be blank')),
  closureEvidence: z.optional(
    z.array(evidenceBody, 'SVC-7: closureEvidence must be a list').check(z.maxLength(MAX_EVIDENCE_ITEMS, `SVC-7: at most ${MAX_EVIDENCE_ITEMS} evidence items`)),
  ),
};
export const rectificationBody = strictObject(rectificationShape);
export type RectificationInput = z.output<typeof rectificationBody>;
export type OnSiteReport = z.output<typeof onSiteReportSchema>;

/**
 * SVC-7, SVC-13: `POST /hazards/{id}/rectification` — the insurer's staff capture the enterprise's report on
 * site, for an enterprise without an account: the report plus who gave it, when and where.
 */
export const onSiteRectificationBody = strictObject({
  ...rectificationShape,
  onSite: described(
    strictObject({
      reporterName: text("SVC-7: onSite.reporterName is required: the enterprise's person who reports", NAME_MAX),
      reportedAt: described(instant('onSite.reportedAt', 'SVC-13'), 'Device time'),
      location: z.optional(geoLocationBody),
    }, "SVC-7: onSite (the enterprise's person who reports on the staff's device, when and where)"),
    "SVC-7, SVC-13: the enterprise's person reporting on the staff's device (the enterprise has no account)",
  ),
});
export type OnSiteRectificationInput = z.output<typeof onSiteRectificationBody>;

/** SVC-7: `POST /hazards/{id}/verify`. */
export const verifyHazardBody = strictObject({
  accepted: z.boolean('SVC-7: accepted must be true or false'),
  comments: text('SVC-7: comments is required: what the verification found'),
});
export type VerifyHazardInput = z.output<typeof verifyHazardBody>;
