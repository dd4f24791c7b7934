import * as z from 'zod/mini';
import { isXinzhouArea } from '../kernel/area.js';
import { isInstant } from '../kernel/calendar/instant.js';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { usccSchema } from '../kernel/uscc.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TEXT_MAX_LENGTH,
  ESCALATION_TARGETS,
  INSURER_INTAKE_CHANNELS,
  PERSON_NAME_MAX_LENGTH,
  TIMELINE_KINDS,
} from './complaint.js';
import type { Complaint } from './complaint.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';

/** Required free text, at most COMPLAINT_TEXT_MAX_LENGTH characters unless said. */
const text = (message: string, max: number = COMPLAINT_TEXT_MAX_LENGTH) => requiredText(message, max);

// Messages that apply a rule start with its id (`CMP-5: …`): the HTTP layer copies that id into the error's
// `rule`, so a client can go from a 400 back to DOMAIN.md.


const enterpriseUsccSchema = z.string('UW-2: enterpriseUscc is required: the complainant’s 18-character USCC').check(
  z.superRefine((code, ctx) => {
    const result = usccSchema.safeParse(code);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
    }
  }),
);

const receivedAtSchema = z
  .string('CAL-1: receivedAt is required: an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00')
  .check(
    z.refine(
      isInstant,
      'CAL-1: receivedAt must be an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00',
    ),
  );

const requestSchema = text('CMP-1: request is required: what the complainant asks, in its own words');


/**
 * CMP-1: `POST /complaints` — an insurer records a complaint it received by phone, letter, visit or online.
 * `receivedAt` is when the insurer received it (not when it is typed in), with its offset.
 *
 * @example
 * receiveComplaintBody.parse({ enterpriseUscc: '91140902100000008A', receivedAt: '2024-09-27T09:30:00+08:00',
 *   channel: 'PHONE', request: '第三方机构未按约定开展隐患排查' });
 */
export const receiveComplaintBody = strictObject({
  policyId: z.optional(idField('policyId')),
  serviceId: z.optional(idField('serviceId')),
  enterpriseUscc: enterpriseUsccSchema,
  receivedAt: receivedAtSchema,
  channel: z.enum(INSURER_INTAKE_CHANNELS, `CMP-1: channel must be one of ${INSURER_INTAKE_CHANNELS.join(', ')}`),
  request: requestSchema,
});
export type ReceiveComplaintBody = z.output<typeof receiveComplaintBody>;

/**
 * CMP-1: `POST /me/complaints` — an enterprise files its own complaint in the console. The enterprise comes
 * from the caller's token, the channel is CONSOLE and the complaint is received the moment it is filed, so
 * the body carries only what the complainant says (see `selfIntakeInput`).
 *
 * @example
 * selfIntakeComplaintBody.parse({ policyId: 'p-1', request: '服务报告与现场不符' });
 */
export const selfIntakeComplaintBody = strictObject({
  policyId: z.optional(idField('policyId')),
  serviceId: z.optional(idField('serviceId')),
  request: requestSchema,
});
export type SelfIntakeComplaintBody = z.output<typeof selfIntakeComplaintBody>;

/**
 * CMP-1: what `receiveComplaint` validates — either body above once the caller has filled in the rest: any
 * channel (CONSOLE included), and the enterprise's county looked up for ACL-4.
 */
export const receiveComplaintInputSchema = strictObject({
  policyId: z.optional(idField('policyId')),
  serviceId: z.optional(idField('serviceId')),
  enterpriseUscc: enterpriseUsccSchema,
  receivedAt: receivedAtSchema,
  channel: z.enum(COMPLAINT_CHANNELS, `CMP-1: channel must be one of ${COMPLAINT_CHANNELS.join(', ')}`),
  request: requestSchema,
  county: z.optional(
    z.string('SCOPE-5: county must be an area code').check(z.refine(isXinzhouArea, "SCOPE-5: county must be one of Xinzhou's area codes")),
  ),
});
export type ReceiveComplaintInput = z.output<typeof receiveComplaintInputSchema>;

/**
 * CMP-4: `POST /complaints/{id}/extend` — the one extension of a complex case. `days` is checked against the
 * rule set's maximum (30 in 2024) by `extendComplaint`, since the figure is configurable (RULES-1).
 *
 * @example
 * extendComplaintBody.parse({ approvedBy: '王经理', reason: '需调取第三方服务机构现场记录', days: 30 });
 */
export const extendComplaintBody = strictObject({
  approvedBy: text(
    'CMP-4: approvedBy is required: the responsible officer (投诉处理工作责任人) who approved the extension',
    PERSON_NAME_MAX_LENGTH,
  ),
  reason: text('CMP-4: reason is required: the reason for the extension, as told to the complainant'),
  days: z
    .int('CMP-4: days must be a whole number of calendar days')
    .check(z.gte(1, 'CMP-4: days must be at least 1')),
});
export type ExtendComplaintBody = z.output<typeof extendComplaintBody>;

/**
 * CMP-5: `POST /complaints/{id}/reply` — a reply states all four parts; each missing or blank one is refused
 * by name.
 *
 * @example
 * replyToComplaintBody.parse({ request: '要求重新排查', facts: '经核实…', basis: '服务合同第5条', measures: '已安排复查' });
 */
export const replyToComplaintBody = strictObject({
  request: text('CMP-5: the reply must state the complainant’s request (request)'),
  facts: text('CMP-5: the reply must state the facts found (facts)'),
  basis: text('CMP-5: the reply must state the basis of the facts found (basis)'),
  measures: text('CMP-5: the reply must state the measures taken (measures)'),
});
export type ReplyToComplaintBody = z.output<typeof replyToComplaintBody>;

/**
 * CMP-6: `POST /complaints/{id}/escalate` — the complainant takes the complaint to the EMB or the NFRA.
 *
 * @example
 * escalateComplaintBody.parse({ to: 'EMB', reason: '对答复意见不满意' });
 */
export const escalateComplaintBody = strictObject({
  to: z.enum(ESCALATION_TARGETS, `CMP-6: to must be one of ${ESCALATION_TARGETS.join(', ')}`),
  reason: text('CMP-6: reason is required: why the complainant escalates'),
});
export type EscalateComplaintBody = z.output<typeof escalateComplaintBody>;

/**
 * CMP-3: `POST /complaints/{id}/needs-verification` carries nothing: no body, or `{}`.
 */
export const needsVerificationBody = z.optional(strictObject({}));

const extensionSchema = z.object({
  approvedBy: z.string(),
  reason: z.string(),
  days: z.int(),
  toldComplainantOn: localDateSchema,
});

const replySchema = z.object({
  request: z.string(),
  facts: z.string(),
  basis: z.string(),
  measures: z.string(),
  repliedAt: z.string(),
  repliedBy: z.string(),
});

const deadlinesSchema = z.object({
  workingDay: z.optional(
    z.object({ dueOn: localDateSchema, provisional: z.boolean(), basis: z.enum(['CMP-2', 'CMP-3', 'CMP-4']) }),
  ),
  nfra: z.optional(z.object({ dueOn: localDateSchema, provisional: z.boolean(), basis: z.literal('CMP-8') })),
  binding: z.object({ dueOn: localDateSchema, clock: z.enum(['WORKING_DAY', 'NFRA']), provisional: z.boolean() }),
});

/**
 * A complaint as the API returns it and as the repository maps it back from storage — the same shape as the
 * {@link Complaint} interface (a compile-time check below keeps the two together).
 */
export const complaintSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  enterpriseUscc: z.string(),
  policyId: z.optional(z.string()),
  serviceId: z.optional(z.string()),
  county: z.optional(z.string()),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedAt: z.string(),
  receivedOn: localDateSchema,
  request: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  needsVerification: z.boolean(),
  verificationRequiredAt: z.optional(z.string()),
  verificationRequiredBy: z.optional(z.string()),
  extension: z.optional(extensionSchema),
  reply: z.optional(replySchema),
  escalation: z.optional(z.object({ to: z.enum(ESCALATION_TARGETS), at: z.string(), reason: z.string() })),
  acceptedAt: z.optional(z.string()),
  acceptedBy: z.optional(z.string()),
  deadlines: deadlinesSchema,
  ruleSetId: z.string(),
  ruleSetVersion: z.int(),
  timeline: z.readonly(
    z.array(z.object({ at: z.string(), kind: z.enum(TIMELINE_KINDS), by: z.string(), note: z.optional(z.string()) })),
  ),
  createdAt: z.string(),
  version: z.int(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fails to compile when the schema and the interface drift apart: the interface documents each field, the
// schema validates and describes it (OpenAPI), and both must say the same thing.
const schemaMatchesInterface: Same<z.output<typeof complaintSchema>, Complaint> = true;
void schemaMatchesInterface;
