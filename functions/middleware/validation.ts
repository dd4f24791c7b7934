import type { ZodMiniType } from 'zod/mini';
import { ValidationFailed } from '../../domain/kernel/errors.js';
import { fieldProblemsOf } from '../../domain/kernel/validation.js';
// English messages for every schema (zod/mini ships none by default).
import '../http/zod.js';

/**
 * Parses one part of a request. Every problem names its field as a dotted path from the part's root
 * (`admin.username`), so a console can put the message next to the input that caused it.
 */
export function parsePart<T>(schema: ZodMiniType<T> | undefined, value: unknown, part: 'params' | 'query' | 'body'): T {
  if (!schema) {
    // A route that takes no body refuses one rather than ignoring it (a caller sending fields expects them read);
    // an empty object is what some clients send for "nothing" and is let through.
    if (part === 'body' && value !== undefined && !isEmptyObject(value)) {
      throw new ValidationFailed([{ field: 'body', message: 'this route takes no body: send none, or {}' }]);
    }
    return undefined as T;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(fieldProblemsOf(result.error.issues, part));
}

export function parseJsonBody(raw: string | undefined, isBase64Encoded: boolean | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  const text = isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationFailed([{ field: 'body', message: 'body is not valid JSON' }]);
  }
}

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
