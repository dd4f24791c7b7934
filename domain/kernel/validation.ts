import type { ZodMiniType } from 'zod/mini';
import { ValidationFailed, type FieldProblem } from './errors.js';

/** Rule ids written at the head of a schema's message (`UW-4: …`) travel with the problem as `rule`. */
const RULE_PREFIX = /^([A-Z]+-\d+):\s*/;

/**
 * Schema issues as field problems: each names its field as a dotted path from `root`'s content (`admin.username`),
 * or `root` itself for the whole value, and the rule its message starts with — so a console can put the message
 * next to the input that caused it. One function for every context and the HTTP layer.
 */
export function fieldProblemsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], root: string): FieldProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const rule = RULE_PREFIX.exec(issue.message)?.[1];
    return { field: path === '' ? root : path, message: issue.message, ...(rule === undefined ? {} : { rule }) };
  });
}

/** Validates a whole input at once, as a form would want it: every problem, each with its rule. */
export function validateWith<T>(schema: ZodMiniType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(fieldProblemsOf(result.error.issues, root));
}
