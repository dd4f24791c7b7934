import type { FieldIssue } from '../api/api-error';

export type FieldPath = readonly (string | number)[];

/** `admin.username` → `['admin','username']`; `items.0.name` and `items[0].name` → `['items',0,'name']`. */
export function fieldPathOf(field: string): FieldPath {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

const samePath = (a: FieldPath, b: FieldPath): boolean => a.length === b.length && a.every((segment, i) => segment === b[i]);

const defaultDescription = (issue: FieldIssue): string => (issue.rule && !issue.message.includes(issue.rule) ? `${issue.message}（${issue.rule}）` : issue.message);

export interface MappedIssues {
  /** For `form.setFields`: each registered field with all of its messages. */
  readonly fields: readonly { readonly name: (string | number)[]; readonly errors: string[] }[];
  /** Issues about fields the form does not show (or about the whole body): shown above the form. */
  readonly unmatched: readonly FieldIssue[];
}

/**
 * Sorts a 400 answer's `details` into errors under the form's own fields and the rest. An issue about
 * `admin` when the form has `admin.username` stays unmatched: it is shown, not lost.
 */
export function mapFieldIssues(
  issues: readonly FieldIssue[],
  registered: readonly FieldPath[],
  describe: (issue: FieldIssue) => string = defaultDescription,
): MappedIssues {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issues) {
    const path = fieldPathOf(issue.field);
    const known = registered.find((candidate) => samePath(candidate, path));
    if (!known) {
      unmatched.push(issue);
      continue;
    }
    const key = JSON.stringify(known);
    const entry = byField.get(key) ?? { name: [...known], errors: [] };
    entry.errors.push(describe(issue));
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unmatched };
}
