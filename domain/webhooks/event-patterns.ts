import type { FieldProblem } from '../kernel/errors.js';

/**
 * Issue 17: what a webhook subscription names — exact event types of the catalogue, or a wildcard by context
 * (`services.*`) or by entity (`underwriting.policy.*`). A pattern must reach at least one catalogued event, so a
 * typo is refused at subscription (400) instead of silently receiving nothing.
 */
const PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*){0,2}(\.\*)?$/;
export const MAX_EVENT_TYPES = 50;

export function eventTypeMatches(pattern: string, type: string): boolean {
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => eventTypeMatches(pattern, type));
}

/** The problems of a list of patterns against the catalogue's names (empty: all fine). */
export function eventTypeProblems(patterns: readonly string[], catalogue: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (patterns.length === 0) problems.push({ field: 'eventTypes', message: 'name at least one event type', rule: 'ACL-1' });
  if (patterns.length > MAX_EVENT_TYPES) problems.push({ field: 'eventTypes', message: `at most ${MAX_EVENT_TYPES} event types` });
  patterns.forEach((pattern, index) => {
    const field = `eventTypes[${index}]`;
    const exact = !pattern.endsWith('.*');
    if (!PATTERN.test(pattern) || (exact && pattern.split('.').length !== 3)) {
      problems.push({ field, message: 'an event type (context.entity.verb) or a wildcard (context.* or context.entity.*)' });
    } else if (!catalogue.some((type) => eventTypeMatches(pattern, type))) {
      problems.push({ field, message: `${pattern} names no event of the catalogue (/api/v1/asyncapi.json)` });
    }
  });
  return problems;
}
