import * as z from 'zod/mini';
import { isLocalDate } from '../kernel/calendar/local-date.js';
import { requiredText } from '../kernel/schema-parts.js';

// The field parts the underwriting schemas share (qualification.schema.ts, policy.schema.ts,
// policy-requests.schema.ts). Messages that apply a rule start with its id (`UW-4: …`): the HTTP layer copies
// that id into the error's `rule`, so a client can go from a 400 back to DOMAIN.md. Every field has its own
// message, so a form can show it next to the input even without zod's locale (zod/mini ships none).

/** Longest free text (a reason, a description), in characters. */
export const TEXT_MAX_LENGTH = 2000;
/** Longest name (a person, an insurer, a document). */
export const NAME_MAX_LENGTH = 200;
/** Most employees one policy covers; far above any enterprise in Xinzhou's register, low enough to rate exactly. */
export const MAX_EMPLOYEES = 1_000_000;
/** Highest per-person amount (insured amount, death limit): 100,000,000 CNY, far above any 安责险 limit. */
export const MAX_PER_PERSON_FEN = 10_000_000_000;
/** Highest factor: ×10.00. Filed bounds are checked by UW-7; this only keeps arithmetic in range. */
export const MAX_FACTOR_BASIS_POINTS = 100_000;
/** Most members of one co-insurance (共保体). */
export const MAX_MEMBERS = 20;

/** `schema` with its description for the OpenAPI document (and the console's generated types). */
export function about<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.meta({ description })) as T;
}

/** Required free text, at most TEXT_MAX_LENGTH characters unless said. */
export const text = (message: string, max: number = TEXT_MAX_LENGTH) => requiredText(message, max);

/** A `YYYY-MM-DD` day; `message` is used for a missing value and for a malformed one. */
export function date(message: string) {
  return z.string(message).check(z.refine(isLocalDate, message));
}

/** A whole number in [min, max]; `message` is used for every failure. */
export function integer(message: string, min: number, max: number) {
  return z.int(message).check(z.gte(min, message), z.lte(max, message));
}

/** An object keyed by some of `keys`; an unknown key is refused by name, with the rule. */
export function keyedBy<const Key extends string, Value extends z.ZodMiniType>(
  keys: readonly [Key, ...Key[]],
  value: Value,
  message: string,
) {
  return z.partialRecord(z.enum(keys, message), value, {
    // zod reports keys outside the enum as `unrecognized_keys`, an issue code its record typings leave out.
    error: (issue) => {
      const unknownKeys = (issue as { keys?: unknown }).keys;
      return Array.isArray(unknownKeys) ? `${message}; not ${unknownKeys.map(String).join(', ')}` : message;
    },
  });
}
