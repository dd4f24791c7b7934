import * as z from 'zod/mini';

/**
 * Schema parts every context's request schemas share, so a body is refused the same way in each: messages that
 * start with a rule id (`CMP-5: …`) keep it, and the HTTP layer copies it into the error's `rule`.
 */

/** Free text that must say something: trimmed, then 1..`max` characters; one message for missing and blank. */
export function requiredText(message: string, max: number) {
  const rule = /^([A-Z]+-\d+):/.exec(message)?.[1];
  return z.string(message).check(
    z.trim(),
    z.minLength(1, message),
    z.maxLength(max, `${rule === undefined ? '' : `${rule}: `}at most ${max} characters`),
  );
}

/** An object with exactly these fields; an unknown field is refused rather than silently dropped. */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what = 'the body') {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : `${what} must be a JSON object`,
  });
}

/** An id this platform issued (letters, digits, `_`, `-`; 1–64), named by its field and, when given, its rule. */
export function idField(field: string, rule?: string) {
  const prefix = rule === undefined ? '' : `${rule}: `;
  return z.string(`${prefix}${field} must be an id`).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `${prefix}${field} must be an id of 1–64 letters, digits, "_" or "-"`));
}
