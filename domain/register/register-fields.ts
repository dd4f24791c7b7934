import * as z from 'zod/mini';
import { isLocalDate } from '../kernel/calendar/local-date.js';
import { usccSchema } from '../kernel/uscc.js';
import { requiredText } from '../kernel/schema-parts.js';

// Field builders the register's request schemas share (REG-1 entries, REG-2 organisations, REG-3 experts).
// Messages that apply a rule start with its id, which the HTTP layer and the import's row report copy into `rule`.

/** A response field with its OpenAPI description. */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.meta({ description })) as T;

/** UW-2: a USCC, with a message of its own (`message`) when the field is missing altogether. */
export const usccField = (message: string) =>
  z.string(message).check(
    z.superRefine((code, ctx) => {
      const result = usccSchema.safeParse(code);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
      }
    }),
  );

/** A `YYYY-MM-DD` day with a message of its own when the field is missing. */
export const dayField = (message: string) =>
  z.string(message).check(z.refine(isLocalDate, 'CAL-1: must be a calendar date written YYYY-MM-DD'));

/** A list of short tags (scope, specialties): 1..20 entries of 1..64 characters. */
export const tagsField = (rule: string, field: string, example: string) => {
  const required = `${rule}: ${field} is required: a list of at least one entry, e.g. ${example}`;
  return z.array(requiredText(`${rule}: each entry of ${field} must say something`, 64), required).check(
    z.minLength(1, required),
    z.maxLength(20, `${rule}: at most 20 entries in ${field}`),
  );
};

/** The version the client last read: a change made by someone else since is refused (412). */
export const versionField = z
  .int('version is required: the version of the record you last read (optimistic locking)')
  .check(z.gte(1, 'version must be 1 or more'));
