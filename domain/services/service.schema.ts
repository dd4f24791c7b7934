import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { idField, strictObject } from '../kernel/schema-parts.js';
import { evidenceBody, evidenceItemSchema, geoLocationBody, geoLocationSchema, MAX_EVIDENCE_ITEMS } from './evidence.schema.js';
import { HAZARD_GRADES } from './hazard.js';
import { date, described, instant, NAME_MAX, providerBody, serviceProviderSchema, serviceType, text, TEXT_MAX, textList } from './service-fields.js';
import {
  CONFIRMING_PARTIES,
  FOLLOW_UP_CHANNELS,
  REVIEW_FLAG_CODES,
  SERVICE_STATUSES,
  SERVICE_TYPES,
} from './service.js';

/** SVC-7: a record, its hazards, their notices and events are one DynamoDB transaction (at most 100 writes). */
export const MAX_HAZARDS_PER_RECORD = 20;

// ── The service as it is kept and answered ─────────────────────────────────────────────────────────────────

/** The enterprise as the policy describes it (a snapshot: the service keeps saying whom it served). */
export const servedEnterpriseSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  county: z.string(),
  industry: z.enum(INDUSTRIES),
  size: z.enum(ENTERPRISE_SIZES),
});

/** SVC-9: a person who took part; an expert names their REG-3 pool id. */
const servicePersonSchema = z.object({ name: z.string(), role: z.optional(z.string()), expertId: z.optional(z.string()) });

/** A deadline with its CAL-2 status. */
const deadlineSchema = z.object({ dueOn: localDateSchema, provisional: z.boolean() });

/** SVC-9, SVC-13: a party's confirmation of the record — a named person's signature. */
const signatureSchema = z.object({
  party: z.enum(CONFIRMING_PARTIES),
  signerName: z.string(),
  signerTitle: z.optional(z.string()),
  signedAt: described(z.string(), 'Device time of the signature'),
  recordedAt: described(z.string(), 'When the platform received it'),
  userId: described(z.string(), 'Who sent it: the enterprise user, or the insurer staff member who captured it on site'),
  onSite: z.optional(
    described(
      z.object({ location: z.optional(geoLocationSchema) }),
      "SVC-9, SVC-13: the enterprise's signature captured on the insurer staff's device, the enterprise having no account (flagged)",
    ),
  ),
});

/** SVC-9: the record of the service as performed (time, place, personnel, items, measures, process). */
const serviceRecordSchema = z.object({
  performedAt: described(z.string(), 'ISO instant the service began on site'),
  endedAt: described(z.string(), 'When the service ended: its day is the day completed, which SVC-8/SVC-9 count from; the end of the SVC-13 evidence window'),
  performedOn: described(localDateSchema, 'Asia/Shanghai day the service began (SVC-1/SVC-2 count it)'),
  place: z.string(),
  personnel: z.readonly(z.array(servicePersonSchema)),
  items: z.readonly(z.array(z.string())),
  measures: z.string(),
  process: z.string(),
  completedAt: z.string(),
  completedBy: z.string(),
});

/** SVC-13: a reason to review a record before trusting it (faked records are the field's best-known abuse). */
const reviewFlagSchema = z.object({
  rule: z.literal('SVC-13'),
  code: z.enum(REVIEW_FLAG_CODES),
  message: z.string(),
  evidenceId: z.optional(z.string()),
  party: z.optional(z.enum(CONFIRMING_PARTIES)),
});

/**
 * One prevention service (事故预防服务) on a policy — the aggregate of the services context. Values are
 * immutable; each transition returns a new service with `version` + 1.
 */
export const serviceSchema = z.object({
  id: z.string(),
  serviceNumber: z.optional(described(z.string(), '服务编号 FW-<year>-<insurer code>-<seq> (issue 15); absent on services scheduled before numbering')),
  tenantId: described(z.string(), 'The lead insurer (ACL-1)'),
  policyId: z.string(),
  policyNumber: z.string(),
  enterprise: servedEnterpriseSchema,
  type: z.enum(SERVICE_TYPES),
  deep: described(z.boolean(), '体检式精查 (HAZARD_INSPECTION only)'),
  status: z.enum(SERVICE_STATUSES),
  scheduledAt: described(z.string(), 'ISO instant planned'),
  scheduledOn: described(localDateSchema, 'Asia/Shanghai day of scheduledAt'),
  provider: serviceProviderSchema,
  expertIds: described(z.readonly(z.array(z.string())), 'REG-3 pool ids'),
  plannedItems: described(z.readonly(z.array(z.string())), 'Agreed at SVC-5'),
  plannedMeasures: z.optional(z.string()),
  planItem: z.optional(
    described(
      z.object({ planVersion: z.number(), index: described(z.number(), 'The line, counted from 0, in that version of the plan') }),
      'SVC-4: the line of the agreed service plan this service carries out',
    ),
  ),
  scheduleConfirmation: z.optional(
    z.object({
      recordedBy: described(z.enum(['INSURER', 'ENTERPRISE']), 'Who recorded the agreement'),
      confirmedByName: described(z.string(), "The enterprise's person who agreed"),
      at: z.string(),
      userId: z.string(),
    }),
  ),
  record: z.optional(serviceRecordSchema),
  evidence: z.readonly(z.array(evidenceItemSchema)),
  hazardIds: described(z.readonly(z.array(z.string())), 'SVC-7: hazards found'),
  deadlines: z.optional(
    described(z.object({ followUp: deadlineSchema, archive: deadlineSchema }), 'SVC-8/SVC-9, in working days from the day completed (the day of record.endedAt)'),
  ),
  followUp: z.optional(
    z.object({
      channel: z.enum(FOLLOW_UP_CHANNELS),
      satisfaction: described(z.number(), '1 (very dissatisfied) … 5 (very satisfied)'),
      comments: z.string(),
      at: z.string(),
      by: z.string(),
      late: described(z.boolean(), 'After its SVC-8 due date'),
    }),
  ),
  confirmations: z.object({ insurer: z.optional(signatureSchema), enterprise: z.optional(signatureSchema) }),
  reviewFlags: z.readonly(z.array(reviewFlagSchema)),
  archive: z.optional(
    described(
      z.object({
        archiveId: z.string(),
        archivedAt: z.string(),
        archivedOn: localDateSchema,
        sha256: z.string(),
        late: described(z.boolean(), 'Archived after the SVC-9 due date'),
      }),
      'SVC-10: the archived record',
    ),
  ),
  cancellation: z.optional(z.object({ reason: z.string(), at: z.string(), by: z.string() })),
  ruleSetId: described(z.string(), 'RULES-1: the policy\'s rule set'),
  ruleSetVersion: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export type PreventionService = z.output<typeof serviceSchema>;
export type ServedEnterprise = z.output<typeof servedEnterpriseSchema>;
export type ServiceProvider = z.output<typeof serviceProviderSchema>;
export type ServicePerson = z.output<typeof servicePersonSchema>;
export type ServiceRecord = z.output<typeof serviceRecordSchema>;
export type ScheduleConfirmation = NonNullable<PreventionService['scheduleConfirmation']>;
export type FollowUp = NonNullable<PreventionService['followUp']>;
export type Signature = z.output<typeof signatureSchema>;
export type ServiceDeadline = z.output<typeof deadlineSchema>;
export type ServiceDeadlines = NonNullable<PreventionService['deadlines']>;
export type ReviewFlag = z.output<typeof reviewFlagSchema>;
export type ServiceArchiveRef = NonNullable<PreventionService['archive']>;

// ── What callers send ──────────────────────────────────────────────────────────────────────────────────────

/**
 * SVC-5, SVC-6: `POST /services` — a service scheduled on a policy, by the insurer's own team or a registered
 * third party, naming the pool experts who will take part.
 */
export const scheduleServiceBody = strictObject({
  policyId: idField('policyId'),
  type: serviceType,
  deep: z.optional(z.boolean('SVC-3: deep must be true or false')),
  scheduledAt: described(instant('scheduledAt', 'SVC-5'), 'ISO instant with an offset'),
  provider: providerBody,
  expertIds: z._default(z.array(idField('SVC-6: expertIds'), 'SVC-6: expertIds must be a list of pool ids'), []),
  plannedItems: textList('SVC-5: plannedItems lists the items agreed with the enterprise').check(
    z.minLength(1, 'SVC-5: plannedItems needs at least one item'),
  ),
  plannedMeasures: z.optional(text('SVC-5: plannedMeasures must not be blank')),
  planItem: z.optional(
    described(
      z.int('SVC-4: planItem is the index of a line of the agreed service plan').check(z.gte(0, 'SVC-4: planItem is the index of a line of the agreed service plan')),
      'SVC-4: the line of the agreed plan (counted from 0) this service carries out; may be left out when exactly one line has its type',
    ),
  ),
});
export type ScheduleServiceInput = z.output<typeof scheduleServiceBody>;

/** SVC-5: the enterprise's person who agreed the items, measures and time. */
export const confirmScheduleBody = strictObject({
  confirmedByName: text('SVC-5: confirmedByName is required: who at the enterprise agreed the schedule', NAME_MAX),
});
export type ConfirmScheduleInput = z.output<typeof confirmScheduleBody>;

/** SVC-7: one hazard found on a service. */
const hazardFoundBody = strictObject({
  description: text('SVC-7: hazards.description is required'),
  grade: z.enum(HAZARD_GRADES, `SVC-7: grade must be one of ${HAZARD_GRADES.join(', ')}`),
  rectifyBy: date('rectifyBy', 'SVC-7'),
});
export type HazardFoundInput = z.output<typeof hazardFoundBody>;

/** SVC-7, SVC-9, SVC-13: `POST /services/{id}/complete` — the record as performed, its hazards and evidence. */
export const completeServiceBody = strictObject({
  performedAt: instant('performedAt', 'SVC-9'),
  endedAt: z.optional(described(instant('endedAt', 'SVC-9'), 'Default: end of that day')),
  place: text('SVC-9: place is required: where the service was performed', 500),
  personnel: z
    .array(
      strictObject({
        name: text('SVC-9: personnel.name is required', NAME_MAX),
        role: z.optional(text('SVC-9: personnel.role must not be blank', NAME_MAX)),
        expertId: z.optional(idField('SVC-6: personnel.expertId')),
      }),
      'SVC-9: personnel must be a list of people',
    )
    .check(z.minLength(1, 'SVC-9: personnel names at least one person who took part')),
  items: textList('SVC-9: items lists what the service covered').check(z.minLength(1, 'SVC-9: items needs at least one item')),
  measures: text('SVC-9: measures is required'),
  process: text('SVC-9: process is required: how the service went'),
  hazards: z._default(
    z.array(hazardFoundBody, 'SVC-7: hazards must be a list').check(
      z.maxLength(MAX_HAZARDS_PER_RECORD, `SVC-7: at most ${MAX_HAZARDS_PER_RECORD} hazards per record; record more on a follow-up inspection`),
    ),
    [],
  ),
  principalName: z.optional(
    described(text('SVC-7: principalName must not be blank', NAME_MAX), 'SVC-7: 主要负责人; required for a MAJOR hazard'),
  ),
  evidence: z._default(
    z.array(evidenceBody, 'SVC-13: evidence must be a list').check(z.maxLength(MAX_EVIDENCE_ITEMS, `SVC-13: at most ${MAX_EVIDENCE_ITEMS} evidence items`)),
    [],
  ),
});
export type CompleteServiceInput = z.output<typeof completeServiceBody>;

/** SVC-8: `POST /services/{id}/follow-up`. */
export const followUpBody = strictObject({
  channel: z.enum(FOLLOW_UP_CHANNELS, `SVC-8: channel must be one of ${FOLLOW_UP_CHANNELS.join(', ')}`),
  satisfaction: z
    .int('SVC-8: satisfaction must be 1..5')
    .check(z.gte(1, 'SVC-8: satisfaction must be 1..5'), z.lte(5, 'SVC-8: satisfaction must be 1..5')),
  comments: z.string('SVC-8: comments is required (may be empty)').check(z.trim(), z.maxLength(TEXT_MAX, `SVC-8: at most ${TEXT_MAX} characters`)),
});
export type FollowUpInput = z.output<typeof followUpBody>;

const signature = {
  signerName: text('SVC-13: signerName is required: the named person who signs', NAME_MAX),
  signerTitle: z.optional(text('SVC-13: signerTitle must not be blank', NAME_MAX)),
  signedAt: described(instant('signedAt', 'SVC-13'), 'Device time'),
};

/**
 * SVC-9, SVC-13: `POST /services/{id}/confirm` — the insurer's own confirmation. The enterprise's is its own
 * (`POST /me/services/{id}/confirm`) or, without an account, captured on site (`…/on-site-signature`).
 */
export const confirmRecordBody = strictObject({
  party: z.optional(
    z.literal(
      'INSURER',
      "SVC-9: the insurer confirms as INSURER only; the enterprise signs through its own account (POST /me/services/{id}/confirm) or, having none, on the service staff's device (POST /services/{id}/on-site-signature)",
    ),
  ),
  ...signature,
});
export type ConfirmRecordInput = z.output<typeof confirmRecordBody>;

/**
 * SVC-9, SVC-13: `POST /services/{id}/on-site-signature` — the enterprise's signer signs on the insurer staff's
 * device, with the device's time and position; only for an enterprise without an account, and flagged.
 */
export const onSiteSignatureBody = strictObject({
  ...signature,
  location: z.optional(described(geoLocationBody, 'The device position; without it the signature is flagged (SVC-13)')),
});
export type OnSiteSignatureInput = z.output<typeof onSiteSignatureBody>;

/** ACL-5: `POST /me/services/{id}/confirm` — the enterprise signs for itself; `party`, if sent, must say so. */
export const enterpriseConfirmBody = strictObject({
  party: z.optional(z.literal('ENTERPRISE', 'ACL-5: an enterprise confirms as ENTERPRISE only')),
  ...signature,
});

/** `POST /services/{id}/cancel`. */
export const cancelServiceBody = strictObject({
  reason: text('SVC-5: reason is required: why the service will not take place'),
});
