import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { isInstant } from '../kernel/calendar/instant.js';
import { HAZARD_GRADES, HAZARD_STATUSES } from './hazard.js';
import type { Hazard } from './hazard.js';
import type {
  CompleteServiceInput,
  ConfirmRecordInput,
  ConfirmScheduleInput,
  EvidenceUploadInput,
  FollowUpInput,
  RectificationInput,
  ScheduleServiceInput,
  ServicePlanInput,
  VerifyHazardInput,
} from './inputs.js';
import type { ObligationStatus } from './obligations.js';
import { RISK_GRADES } from './service-plan.js';
import type { RiskAssessmentResult, ServicePlan } from './service-plan.js';
import {
  CONFIRMING_PARTIES,
  EVIDENCE_KINDS,
  FOLLOW_UP_CHANNELS,
  PROVIDER_KINDS,
  REVIEW_FLAG_CODES,
  SERVICE_STATUSES,
  SERVICE_TYPES,
} from './service.js';
import type { PreventionService } from './service.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';

/** Required free text, at most TEXT_MAX characters unless said. */
const text = (message: string, max: number = TEXT_MAX) => requiredText(message, max);

// Messages that apply a rule start with its id (`SVC-8: …`): the HTTP layer copies it into the error's `rule`.

const TEXT_MAX = 4000;
const NAME_MAX = 100;
/** SVC-13: one evidence file; bigger material (video) is out of scope for a record's evidence. */
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;
/** SVC-7: a record, its hazards, their notices and events are one DynamoDB transaction (at most 100 writes). */
export const MAX_HAZARDS_PER_RECORD = 20;
/** SVC-13: evidence items a record or a closure cites. */
export const MAX_EVIDENCE_ITEMS = 50;


/** CAL-1: an instant whose Asia/Shanghai day is unambiguous (it states its offset). */
const instant = (field: string, rule = 'CAL-1') => {
  const message = `${rule}: ${field} must be an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00`;
  return z.string(message).check(z.refine(isInstant, message));
};

const date = (field: string, rule: string) =>
  z.string(`${rule}: ${field} is required: a date written YYYY-MM-DD`).check(
    z.refine((value) => localDateSchema.safeParse(value).success, `${rule}: ${field} must be a calendar date written YYYY-MM-DD`),
  );


const serviceType = z.enum(SERVICE_TYPES, `SVC-3: type must be one of ${SERVICE_TYPES.join(', ')}`);
const textList = (message: string) => z.array(text(message, 500), message);

const providerBody = strictObject({
  kind: z.enum(PROVIDER_KINDS, `SVC-6: provider.kind must be one of ${PROVIDER_KINDS.join(', ')}`),
  orgId: z.optional(idField('SVC-6: provider.orgId')),
});

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

/**
 * SVC-5, SVC-6: `POST /services` — a service scheduled on a policy, by the insurer's own team or a registered
 * third party, naming the pool experts who will take part.
 */
export const scheduleServiceBody = strictObject({
  policyId: idField('policyId'),
  type: serviceType,
  deep: z.optional(z.boolean('SVC-3: deep must be true or false')),
  scheduledAt: instant('scheduledAt', 'SVC-5'),
  provider: providerBody,
  expertIds: z._default(z.array(idField('SVC-6: expertIds'), 'SVC-6: expertIds must be a list of pool ids'), []),
  plannedItems: textList('SVC-5: plannedItems lists the items agreed with the enterprise').check(
    z.minLength(1, 'SVC-5: plannedItems needs at least one item'),
  ),
  plannedMeasures: z.optional(text('SVC-5: plannedMeasures must not be blank')),
});

/** SVC-5: the enterprise's person who agreed the items, measures and time. */
export const confirmScheduleBody = strictObject({
  confirmedByName: text('SVC-5: confirmedByName is required: who at the enterprise agreed the schedule', NAME_MAX),
});

const SHA256_HEX = /^[0-9a-f]{64}$/;
const MIME_TYPE = /^[a-z]+\/[a-z0-9.+-]+(?:;\s*charset=[a-z0-9-]+)?$/i;

/** SVC-13: `POST …/evidence-uploads` — a ticket to upload one file straight to the write-once archive. */
export const evidenceUploadBody = strictObject({
  fileName: text('SVC-13: fileName is required', 200),
  contentType: z.string('SVC-13: contentType is required').check(z.regex(MIME_TYPE, 'SVC-13: contentType must be a MIME type, e.g. image/jpeg')),
  size: z
    .int('SVC-13: size must be the file size in bytes')
    .check(z.gte(1, 'SVC-13: size must be at least 1 byte'), z.lte(EVIDENCE_MAX_BYTES, `SVC-13: size must be at most ${EVIDENCE_MAX_BYTES} bytes`)),
  sha256: z.string('SVC-13: sha256 is required').check(z.regex(SHA256_HEX, 'SVC-13: sha256 must be the lower-case hex SHA-256 of the file')),
});

const geoLocation = strictObject({
  latitude: z.number('SVC-13: location.latitude must be a number').check(z.gte(-90, 'SVC-13: latitude must be -90..90'), z.lte(90, 'SVC-13: latitude must be -90..90')),
  longitude: z
    .number('SVC-13: location.longitude must be a number')
    .check(z.gte(-180, 'SVC-13: longitude must be -180..180'), z.lte(180, 'SVC-13: longitude must be -180..180')),
  accuracyMeters: z.optional(z.number().check(z.gte(0, 'SVC-13: accuracyMeters cannot be negative'))),
});

const evidenceBody = strictObject({
  uploadId: idField('SVC-13: uploadId'),
  kind: z.enum(EVIDENCE_KINDS, `SVC-13: kind must be one of ${EVIDENCE_KINDS.join(', ')}`),
  capturedAt: instant('capturedAt', 'SVC-13'),
  capturedBy: text('SVC-13: capturedBy is required: who captured the evidence', NAME_MAX),
  location: z.optional(geoLocation),
});

/** SVC-7, SVC-9, SVC-13: `POST /services/{id}/complete` — the record as performed, its hazards and evidence. */
export const completeServiceBody = strictObject({
  performedAt: instant('performedAt', 'SVC-9'),
  endedAt: z.optional(instant('endedAt', 'SVC-9')),
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
    z.array(
      strictObject({
        description: text('SVC-7: hazards.description is required'),
        grade: z.enum(HAZARD_GRADES, `SVC-7: grade must be one of ${HAZARD_GRADES.join(', ')}`),
        rectifyBy: date('rectifyBy', 'SVC-7'),
      }),
      'SVC-7: hazards must be a list',
    ).check(z.maxLength(MAX_HAZARDS_PER_RECORD, `SVC-7: at most ${MAX_HAZARDS_PER_RECORD} hazards per record; record more on a follow-up inspection`)),
    [],
  ),
  principalName: z.optional(text('SVC-7: principalName must not be blank', NAME_MAX)),
  evidence: z._default(
    z.array(evidenceBody, 'SVC-13: evidence must be a list').check(z.maxLength(MAX_EVIDENCE_ITEMS, `SVC-13: at most ${MAX_EVIDENCE_ITEMS} evidence items`)),
    [],
  ),
});

/** SVC-8: `POST /services/{id}/follow-up`. */
export const followUpBody = strictObject({
  channel: z.enum(FOLLOW_UP_CHANNELS, `SVC-8: channel must be one of ${FOLLOW_UP_CHANNELS.join(', ')}`),
  satisfaction: z
    .int('SVC-8: satisfaction must be 1..5')
    .check(z.gte(1, 'SVC-8: satisfaction must be 1..5'), z.lte(5, 'SVC-8: satisfaction must be 1..5')),
  comments: z.string('SVC-8: comments is required (may be empty)').check(z.trim(), z.maxLength(TEXT_MAX, `SVC-8: at most ${TEXT_MAX} characters`)),
});

const signature = {
  signerName: text('SVC-13: signerName is required: the named person who signs', NAME_MAX),
  signerTitle: z.optional(text('SVC-13: signerTitle must not be blank', NAME_MAX)),
  signedAt: instant('signedAt', 'SVC-13'),
};

/** SVC-9, SVC-13: `POST /services/{id}/confirm` — the insurer records either party's signature. */
export const confirmRecordBody = strictObject({
  party: z.enum(CONFIRMING_PARTIES, `SVC-9: party must be one of ${CONFIRMING_PARTIES.join(', ')}`),
  ...signature,
});

/** ACL-5: `POST /me/services/{id}/confirm` — the enterprise signs for itself; `party`, if sent, must say so. */
export const enterpriseConfirmBody = strictObject({
  party: z.optional(z.literal('ENTERPRISE', 'ACL-5: an enterprise confirms as ENTERPRISE only')),
  ...signature,
});

/** `POST /services/{id}/cancel`. */
export const cancelServiceBody = strictObject({
  reason: text('SVC-5: reason is required: why the service will not take place'),
});

/** SVC-7: `POST /hazards/{id}/rectification` or `/me/hazards/{id}/rectification`. */
export const rectificationBody = strictObject({
  plan: z.optional(text('SVC-7: plan must not be blank')),
  dueOn: z.optional(date('dueOn', 'SVC-7')),
  responsiblePerson: z.optional(text('SVC-7: responsiblePerson must not be blank', NAME_MAX)),
  closed: z.optional(z.boolean('SVC-7: closed must be true or false')),
  closureNote: z.optional(text('SVC-7: closureNote must not be blank')),
  closureEvidence: z.optional(
    z.array(evidenceBody, 'SVC-7: closureEvidence must be a list').check(z.maxLength(MAX_EVIDENCE_ITEMS, `SVC-7: at most ${MAX_EVIDENCE_ITEMS} evidence items`)),
  ),
});

/** SVC-7: `POST /hazards/{id}/verify`. */
export const verifyHazardBody = strictObject({
  accepted: z.boolean('SVC-7: accepted must be true or false'),
  comments: text('SVC-7: comments is required: what the verification found'),
});

// ── Responses (OpenAPI, and the compile-time check that they say what the interfaces say) ──────────────────

const evidenceItemSchema = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  archiveKey: z.string(),
  sha256: z.string(),
  size: z.number(),
  contentType: z.string(),
  fileName: z.optional(z.string()),
  capturedAt: z.string(),
  capturedBy: z.string(),
  location: z.optional(z.object({ latitude: z.number(), longitude: z.number(), accuracyMeters: z.optional(z.number()) })),
});

const deadlineSchema = z.object({ dueOn: localDateSchema, provisional: z.boolean() });
const signatureSchema = z.object({
  party: z.enum(CONFIRMING_PARTIES),
  signerName: z.string(),
  signerTitle: z.optional(z.string()),
  signedAt: z.string(),
  recordedAt: z.string(),
  userId: z.string(),
});

export const serviceSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  policyId: z.string(),
  policyNumber: z.string(),
  enterprise: z.object({
    uscc: z.string(),
    name: z.string(),
    county: z.string(),
    industry: z.enum(INDUSTRIES),
    size: z.enum(ENTERPRISE_SIZES),
  }),
  type: z.enum(SERVICE_TYPES),
  deep: z.boolean(),
  status: z.enum(SERVICE_STATUSES),
  scheduledAt: z.string(),
  scheduledOn: localDateSchema,
  provider: z.object({
    kind: z.enum(PROVIDER_KINDS),
    orgId: z.optional(z.string()),
    orgName: z.optional(z.string()),
    registrationNumber: z.optional(z.string()),
  }),
  expertIds: z.readonly(z.array(z.string())),
  plannedItems: z.readonly(z.array(z.string())),
  plannedMeasures: z.optional(z.string()),
  scheduleConfirmation: z.optional(
    z.object({ recordedBy: z.enum(['INSURER', 'ENTERPRISE']), confirmedByName: z.string(), at: z.string(), userId: z.string() }),
  ),
  record: z.optional(
    z.object({
      performedAt: z.string(),
      endedAt: z.string(),
      performedOn: localDateSchema,
      place: z.string(),
      personnel: z.readonly(z.array(z.object({ name: z.string(), role: z.optional(z.string()), expertId: z.optional(z.string()) }))),
      items: z.readonly(z.array(z.string())),
      measures: z.string(),
      process: z.string(),
      completedAt: z.string(),
      completedBy: z.string(),
    }),
  ),
  evidence: z.readonly(z.array(evidenceItemSchema)),
  hazardIds: z.readonly(z.array(z.string())),
  deadlines: z.optional(z.object({ followUp: deadlineSchema, archive: deadlineSchema })),
  followUp: z.optional(
    z.object({
      channel: z.enum(FOLLOW_UP_CHANNELS),
      satisfaction: z.number(),
      comments: z.string(),
      at: z.string(),
      by: z.string(),
      late: z.boolean(),
    }),
  ),
  confirmations: z.object({ insurer: z.optional(signatureSchema), enterprise: z.optional(signatureSchema) }),
  reviewFlags: z.readonly(
    z.array(
      z.object({
        rule: z.literal('SVC-13'),
        code: z.enum(REVIEW_FLAG_CODES),
        message: z.string(),
        evidenceId: z.optional(z.string()),
        party: z.optional(z.enum(CONFIRMING_PARTIES)),
      }),
    ),
  ),
  archive: z.optional(
    z.object({ archiveId: z.string(), archivedAt: z.string(), archivedOn: localDateSchema, sha256: z.string(), late: z.boolean() }),
  ),
  cancellation: z.optional(z.object({ reason: z.string(), at: z.string(), by: z.string() })),
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const hazardSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  serviceId: z.string(),
  policyId: z.string(),
  enterprise: z.object({ uscc: z.string(), name: z.string(), county: z.string() }),
  description: z.string(),
  grade: z.enum(HAZARD_GRADES),
  rectifyBy: localDateSchema,
  status: z.enum(HAZARD_STATUSES),
  foundOn: localDateSchema,
  notice: z.object({ archiveId: z.string(), archiveKey: z.string(), sha256: z.string(), issuedAt: z.string(), addressedTo: z.string() }),
  rectification: z.optional(
    z.object({
      plan: z.string(),
      dueOn: localDateSchema,
      responsiblePerson: z.string(),
      reportedAt: z.string(),
      reportedBy: z.string(),
      closedAt: z.optional(z.string()),
      closureNote: z.optional(z.string()),
      closureEvidence: z.readonly(z.array(evidenceItemSchema)),
    }),
  ),
  verifications: z.readonly(z.array(z.object({ accepted: z.boolean(), comments: z.string(), at: z.string(), by: z.string() }))),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const plannedServiceSchema = z.object({ type: z.enum(SERVICE_TYPES), deep: z.boolean(), count: z.number() });

export const riskAssessmentSchema = z.object({
  grade: z.enum(RISK_GRADES),
  score: z.number(),
  factors: z.readonly(z.array(z.object({ factor: z.string(), points: z.number(), detail: z.string() }))),
  inputs: z.optional(
    z.object({
      industry: z.enum(INDUSTRIES),
      size: z.enum(ENTERPRISE_SIZES),
      accidentRecordBasisPoints: z.number(),
      openHazards: z.object({ general: z.number(), major: z.number() }),
      monitoringAlarms: z.number(),
    }),
  ),
  proposedExtra: z.readonly(z.array(plannedServiceSchema)),
});

export const servicePlanSchema = z.object({
  policyId: z.string(),
  tenantId: z.string(),
  items: z.readonly(
    z.array(
      z.object({
        type: z.enum(SERVICE_TYPES),
        deep: z.boolean(),
        count: z.number(),
        items: z.readonly(z.array(z.string())),
        measures: z.string(),
        provider: serviceSchema.shape.provider,
        personnel: z.readonly(z.array(z.string())),
      }),
    ),
  ),
  goals: z.string(),
  support: z.string(),
  basis: z.string(),
  agreedBy: z.string(),
  agreedOn: localDateSchema,
  risk: riskAssessmentSchema,
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number(),
});

export const obligationStatusSchema = z.object({
  policyId: z.string(),
  basis: z.enum(['TABLE', 'PER_PLAN']),
  requirements: z.readonly(
    z.array(
      z.object({
        key: z.string(),
        rule: z.enum(['SVC-1', 'SVC-2', 'SVC-4']),
        type: z.optional(z.enum(SERVICE_TYPES)),
        deep: z.optional(z.boolean()),
        required: z.number(),
        done: z.number(),
        open: z.number(),
        inProgress: z.number(),
        dueBy: localDateSchema,
        daysLeft: z.number(),
        status: z.enum(['DONE', 'OPEN', 'OVERDUE']),
      }),
    ),
  ),
  periodStart: localDateSchema,
  periodEnd: localDateSchema,
  daysLeftInYear: z.number(),
  allDone: z.boolean(),
  planMissing: z.boolean(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fail to compile when a response schema and its interface drift apart (the requirement key is a template type
// the schema states as a string, so the obligations check goes one way only).
const serviceMatches: Same<z.output<typeof serviceSchema>, PreventionService> = true;
const hazardMatches: Same<z.output<typeof hazardSchema>, Hazard> = true;
const planMatches: Same<z.output<typeof servicePlanSchema>, ServicePlan> = true;
const riskMatches: Same<z.output<typeof riskAssessmentSchema>, RiskAssessmentResult> = true;
const obligationsFit: ObligationStatus extends z.output<typeof obligationStatusSchema> ? true : false = true;
void [serviceMatches, hazardMatches, planMatches, riskMatches, obligationsFit];

// The request schemas produce exactly the shapes the rules take (inputs.ts).
const inputsFit: [
  z.output<typeof servicePlanBody> extends ServicePlanInput ? true : false,
  z.output<typeof scheduleServiceBody> extends ScheduleServiceInput ? true : false,
  z.output<typeof confirmScheduleBody> extends ConfirmScheduleInput ? true : false,
  z.output<typeof evidenceUploadBody> extends EvidenceUploadInput ? true : false,
  z.output<typeof completeServiceBody> extends CompleteServiceInput ? true : false,
  z.output<typeof followUpBody> extends FollowUpInput ? true : false,
  z.output<typeof confirmRecordBody> extends ConfirmRecordInput ? true : false,
  z.output<typeof rectificationBody> extends RectificationInput ? true : false,
  z.output<typeof verifyHazardBody> extends VerifyHazardInput ? true : false,
] = [true, true, true, true, true, true, true, true, true];
void inputsFit;
