import * as z from 'zod/mini';
import { isXinzhouArea } from '../kernel/area.js';
import { isInstant } from '../kernel/calendar/instant.js';
import { usccSchema } from '../kernel/uscc.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_TEXT_MAX_LENGTH,
  ESCALATION_TARGETS,
  INSURER_INTAKE_CHANNELS,
  PERSON_NAME_MAX_LENGTH,
} from './complaint.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';

/** Required free text, at most COMPLAINT_TEXT_MAX_LENGTH characters unless said. */
const text = (message: string, max: number = COMPLAINT_TEXT_MAX_LENGTH) => requiredText(message, max);

// Messages that apply a rule start with its id (`CMP-5: …`): the HTTP layer copies that id into the error's
// `rule`, so a client can go from a 400 back to DOMAIN.md. These are the request bodies of the transitions;
// the complaint itself is `complaintSchema` in complaint.ts.

const enterpriseUsccSchema = z.string('UW-2: enterpriseUscc is required: the complainant’s 18-character USCC').check(
  z.superRefine((code, ctx) => {
    const result = usccSchema.safeParse(code);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
    }
  }),
  z.meta({ description: 'The complainant enterprise’s 统一社会信用代码 (18 characters)' }),
);

const receivedAtSchema = z
  .string('CAL-1: receivedAt is required: an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00')
  .check(
    z.refine(
      isInstant,
      'CAL-1: receivedAt must be an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00',
    ),
    z.meta({ description: 'CMP-1: when the insurer received the complaint (not when it is typed in), with Z or an offset' }),
  );

const requestSchema = text('CMP-1: request is required: what the complainant asks, in its own words').check(
  z.meta({ description: 'What the complainant asks, in its own words' }),
);

/** What a complaint is about, when the complainant names it: one of its policies or prevention services. */
const subjectFields = {
  policyId: z.optional(idField('policyId')),
  serviceId: z.optional(idField('serviceId')),
};

/** CMP-1: how the complaint reached the insurer, among `channels`. */
const channelOf = <const Channels extends readonly string[]>(channels: Channels) =>
  z.enum(channels, `CMP-1: channel must be one of ${channels.join(', ')}`);

/**
 * CMP-1: `POST /complaints` — an insurer records a complaint it received by phone, letter, visit or online.
 * `receivedAt` is when the insurer received it (not when it is typed in), with its offset.
 *
 * @example
 * receiveComplaintBody.parse({ enterpriseUscc: '91140902100000008A', receivedAt: '2024-09-27T09:30:00+08:00',
 *   channel: 'PHONE', request: '第三方机构未按约定开展隐患排查' });
 */
export const receiveComplaintBody = strictObject({
  ...subjectFields,
  enterpriseUscc: enterpriseUsccSchema,
  receivedAt: receivedAtSchema,
  channel: channelOf(INSURER_INTAKE_CHANNELS),
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
  ...subjectFields,
  request: requestSchema,
});
export type SelfIntakeComplaintBody = z.output<typeof selfIntakeComplaintBody>;

/**
 * CMP-1: what `receiveComplaint` validates — either body above once the caller has filled in the rest: any
 * channel (CONSOLE included), and the enterprise's county looked up for ACL-4.
 */
export const receiveComplaintInputSchema = strictObject({
  ...subjectFields,
  enterpriseUscc: enterpriseUsccSchema,
  receivedAt: receivedAtSchema,
  channel: channelOf(COMPLAINT_CHANNELS),
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
  ).check(z.meta({ description: 'The responsible officer (投诉处理工作责任人) who approved the extension — a name' })),
  reason: text('CMP-4: reason is required: the reason for the extension, as told to the complainant').check(
    z.meta({ description: 'The reason for the extension, as told to the complainant' }),
  ),
  days: z
    .int('CMP-4: days must be a whole number of calendar days')
    .check(
      z.gte(1, 'CMP-4: days must be at least 1'),
      z.meta({ description: 'Calendar days added, 1 to the rule set’s maximum (30 in 2024)' }),
    ),
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
  to: z
    .enum(ESCALATION_TARGETS, `CMP-6: to must be one of ${ESCALATION_TARGETS.join(', ')}`)
    .check(z.meta({ description: 'EMB 应急管理部门 or NFRA 金融监管分局' })),
  reason: text('CMP-6: reason is required: why the complainant escalates').check(
    z.meta({ description: 'Why the complainant escalates' }),
  ),
});
export type EscalateComplaintBody = z.output<typeof escalateComplaintBody>;

/**
 * CMP-3: `POST /complaints/{id}/needs-verification` carries nothing: no body, or `{}`.
 */
export const needsVerificationBody = z.optional(strictObject({}));
