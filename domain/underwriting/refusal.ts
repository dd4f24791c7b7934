import * as z from 'zod/mini';
import { localDateSchema, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { compareLocalDates } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { industrySchema } from '../kernel/industry.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { usccSchema } from '../kernel/uscc.js';
import { validateWith as validate } from '../kernel/validation.js';
import { about, date } from './fields.schema.js';
import { refusalRecorded } from './events.js';
import type { EnterpriseSnapshot } from './policy.js';

// UW-12 (Annex 2 art. 4, 对投保企业的投保和理赔申请，无正当理由不得拒保): an insurer that declines an enterprise
// on the register records why, from a short list of reasons with an explanation; regulators see every refusal.
// The record does not judge the reason — the regulators do, seeing them all.

/**
 * UW-12: why an insurer declined to insure (拒保原因). The list names the reasons a refusal can rest on; OTHER
 * needs the explanation to carry it. Codes are stored and sent over the API, never renamed.
 */
export const REFUSAL_REASONS = [
  /** The enterprise withdrew its application (投保人撤回投保申请). */
  'APPLICATION_WITHDRAWN',
  /** The application stayed incomplete after the insurer asked for what was missing (资料不全且经告知未补正). */
  'APPLICATION_INCOMPLETE',
  /** The insurer's filed product has no rate for the enterprise's industry (QUAL-5, UW-7: 无备案费率). */
  'NO_FILED_RATE',
  /** The insurer is not eligible to issue on the day (UW-8, QUAL-1..6, BLK-1: 不具备承保资格). */
  'INSURER_NOT_ELIGIBLE',
  /** The enterprise already holds an in-force policy from this insurer for the period (UW-9: 已有有效保单). */
  'ALREADY_INSURED',
  /** The premium could not be agreed within the filed rates and factor bounds (UW-7: 保费未能在备案范围内协商一致). */
  'PREMIUM_NOT_AGREED',
  /** Anything else — the explanation must say what (其他，须详细说明). */
  'OTHER',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REFUSAL_EXPLANATION_MAX_LENGTH = 2000;

/** UW-12: `POST /refusals` — the insurer records that it declined an enterprise, and why. */
export const recordRefusalBody = strictObject({
  enterpriseUscc: usccSchema,
  reason: z.enum(REFUSAL_REASONS, `UW-12: reason must be one of ${REFUSAL_REASONS.join(', ')}`),
  explanation: requiredText(
    'UW-12: explanation is required: what the enterprise applied for and why it was declined',
    REFUSAL_EXPLANATION_MAX_LENGTH,
  ),
  appliedOn: z.optional(date('UW-12: appliedOn is the day the enterprise applied (YYYY-MM-DD), not after today')),
});
export type RecordRefusalBody = z.output<typeof recordRefusalBody>;

/** UW-12: a refusal as stored and returned. */
export const refusalSchema = z.object({
  id: z.string(),
  tenantId: about(z.string(), 'The insurer that declined'),
  enterprise: about(
    z.object({ uscc: z.string(), name: z.string(), industry: industrySchema, county: z.string() }),
    "The register's entry (REG-1) when the refusal was recorded",
  ),
  reason: z.enum(REFUSAL_REASONS),
  explanation: z.string(),
  appliedOn: z.optional(localDateSchema),
  refusedOn: about(localDateSchema, 'The day the refusal was recorded (Asia/Shanghai)'),
  recordedBy: about(z.string(), 'The insurer user who recorded it'),
  createdAt: z.string(),
  version: z.int(),
});
export type Refusal = z.output<typeof refusalSchema>;

/** Who records a refusal, and when. */
export interface RefusalContext {
  readonly id: string;
  readonly tenantId: string;
  readonly by: string;
  readonly now: Date;
  /** REG-1: the register's entry for the enterprise, `undefined` when it has none. */
  readonly enterprise: EnterpriseSnapshot | undefined;
}

/** The shortest explanation that can carry an OTHER reason on its own. */
export const OTHER_EXPLANATION_MIN_LENGTH = 10;

/**
 * UW-12: the insurer records that it declined `body.enterpriseUscc`, on the register, with a reason from
 * {@link REFUSAL_REASONS} and an explanation. Raises `underwriting.refusal.recorded`.
 *
 * @throws ValidationFailed for a malformed body; RuleViolation (REG-1, 409) for an enterprise not on the
 *   register; (UW-12, 400) for an `appliedOn` after today or an OTHER reason explained in fewer than
 *   {@link OTHER_EXPLANATION_MIN_LENGTH} characters.
 * @example
 * const { state, events } = recordRefusal({ enterpriseUscc, reason: 'NO_FILED_RATE', explanation: '…' },
 *   { id: 'r-1', tenantId: 't-1', by: 'u-1', now, enterprise });
 */
export function recordRefusal(input: RecordRefusalBody, context: RefusalContext): Changed<Refusal> {
  const body = validate(recordRefusalBody, input, 'refusal');
  const createdAt = instantOf(context.now);
  const today: LocalDate = shanghaiDateOf(createdAt);
  if (context.enterprise === undefined) {
    throw new RuleViolation(
      'REG-1',
      'enterpriseUscc',
      `REG-1: ${body.enterpriseUscc} is not on the enterprise register; a refusal is recorded for a registered enterprise`,
      409,
    );
  }
  if (body.appliedOn !== undefined && compareLocalDates(body.appliedOn, today) > 0) {
    throw new RuleViolation('UW-12', 'appliedOn', `UW-12: appliedOn ${body.appliedOn} is after today (${today})`, 400);
  }
  if (body.reason === 'OTHER' && [...body.explanation].length < OTHER_EXPLANATION_MIN_LENGTH) {
    throw new RuleViolation(
      'UW-12',
      'explanation',
      `UW-12: a refusal for an OTHER reason must explain it in at least ${OTHER_EXPLANATION_MIN_LENGTH} characters (无正当理由不得拒保)`,
      400,
    );
  }
  const { uscc, name, industry, county } = context.enterprise;
  const refusal: Refusal = {
    id: context.id,
    tenantId: context.tenantId,
    enterprise: { uscc, name, industry, county },
    reason: body.reason,
    explanation: body.explanation,
    ...(body.appliedOn === undefined ? {} : { appliedOn: body.appliedOn }),
    refusedOn: today,
    recordedBy: context.by,
    createdAt,
    version: 1,
  };
  return {
    state: refusal,
    events: [
      refusalRecorded.of(refusal, {
        refusalId: refusal.id,
        enterpriseUscc: uscc,
        industry,
        county,
        reason: refusal.reason,
        refusedOn: today,
      }),
    ],
  };
}
