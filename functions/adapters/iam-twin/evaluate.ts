import type { PolicyStatementJson } from '../../../infra/constructs/tenant-policy-documents.js';

/**
 * A small IAM policy evaluator for the subset anze's layer-2 policies use (ARCHITECTURE.md §3), so the local
 * runtime refuses what IAM would refuse: Allow/Deny statements; `Action` and `Resource` with `*`/`?` wildcards;
 * `${aws:PrincipalTag/x}` substitution and `aws:PrincipalTag/x` as a condition key; the condition operators StringEquals, StringLike (plain, `ForAllValues:`
 * and `ForAnyValue:`) and Null; an explicit Deny wins, and nothing allowed is an implicit deny. An operator outside
 * this subset throws: the twin must never guess in a caller's favour.
 *
 * Pure: no SDK, no I/O.
 */

/** What IAM sees of one authorised request. */
export interface AuthorisationRequest {
  /** e.g. `dynamodb:GetItem`. */
  readonly action: string;
  /** The ARN of the table, index or object. */
  readonly resource: string;
  /** The session's tags (`aws:PrincipalTag/<key>`). */
  readonly principalTags: Readonly<Record<string, string>>;
  /** Request condition keys, each multi-valued (`dynamodb:LeadingKeys`, `s3:prefix` …); absent = not in the request. */
  readonly conditionKeys: Readonly<Record<string, readonly string[]>>;
}

export type Decision =
  | { readonly allowed: true; readonly statement: string }
  | { readonly allowed: false; readonly reason: 'implicit-deny' | 'explicit-deny'; readonly statement?: string };

export function evaluate(statements: readonly PolicyStatementJson[], request: AuthorisationRequest): Decision {
  let allowedBy: string | undefined;
  for (const [index, statement] of statements.entries()) {
    if (!applies(statement, request)) continue;
    const name = statement.Sid ?? `#${index}`;
    if (statement.Effect === 'Deny') return { allowed: false, reason: 'explicit-deny', statement: name };
    allowedBy ??= name;
  }
  return allowedBy === undefined ? { allowed: false, reason: 'implicit-deny' } : { allowed: true, statement: allowedBy };
}

function applies(statement: PolicyStatementJson, request: AuthorisationRequest): boolean {
  // Action names are case-insensitive in IAM; ARNs are not.
  if (!statement.Action.some((action) => globMatches(action.toLowerCase(), request.action.toLowerCase()))) return false;
  const tags = request.principalTags;
  if (!statement.Resource.some((resource) => patternMatches(resource, request.resource, tags))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, block]) =>
    Object.entries(block).every(([key, values]) => conditionHolds(operator, conditionValues(request, key), toArray(values), tags)),
  );
}

/** A request's condition key, or the session's tag for `aws:PrincipalTag/<tag>` (how a regulator session's scope is tested). */
function conditionValues(request: AuthorisationRequest, key: string): readonly string[] | undefined {
  const tag = /^aws:PrincipalTag\/(.+)$/.exec(key)?.[1];
  if (tag === undefined) return request.conditionKeys[key];
  const value = request.principalTags[tag];
  return value === undefined ? undefined : [value];
}

function conditionHolds(operator: string, present: readonly string[] | undefined, policyValues: readonly string[], tags: AuthorisationRequest['principalTags']): boolean {
  if (operator === 'Null') {
    const absent = present === undefined || present.length === 0;
    // `"true"` demands the key be absent, `"false"` that it be present.
    return policyValues.some((value) => (value === 'true') === absent);
  }
  const [qualifier, base] = operator.includes(':') ? (operator.split(':', 2) as [string, string]) : [undefined, operator];
  const match = matcherOf(base);
  const matchesAny = (value: string) => policyValues.some((policy) => match(policy, value, tags));
  const values = present ?? [];
  if (qualifier === 'ForAllValues') return values.every(matchesAny); // vacuously true without the key: hence Null beside it
  if (qualifier === 'ForAnyValue') return values.some(matchesAny);
  if (qualifier !== undefined) throw new Error(`IAM twin: condition operator ${operator} is not supported`);
  return values.length > 0 && values.some(matchesAny);
}

function matcherOf(operator: string): (policy: string, value: string, tags: AuthorisationRequest['principalTags']) => boolean {
  if (operator === 'StringLike') return patternMatches;
  if (operator === 'StringEquals') {
    return (policy, value, tags) => {
      const substituted = substitute(policy, tags);
      return substituted !== undefined && substituted.map((part) => part.text).join('') === value;
    };
  }
  throw new Error(`IAM twin: condition operator ${operator} is not supported`);
}

/**
 * `*`/`?` wildcards after policy-variable substitution. A substituted tag value matches literally; a variable
 * whose tag the session lacks makes the pattern match nothing (IAM: the condition is not met).
 */
function patternMatches(pattern: string, value: string, tags: AuthorisationRequest['principalTags']): boolean {
  const parts = substitute(pattern, tags);
  if (parts === undefined) return false;
  const source = parts.map((part) => (part.literal ? escapeRegExp(part.text) : globSource(part.text))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

const globMatches = (pattern: string, value: string): boolean => new RegExp(`^${globSource(pattern)}$`, 's').test(value);

function substitute(pattern: string, tags: AuthorisationRequest['principalTags']): { text: string; literal: boolean }[] | undefined {
  const parts: { text: string; literal: boolean }[] = [];
  let rest = pattern;
  for (let found = /\$\{([^}]+)\}/.exec(rest); found; found = /\$\{([^}]+)\}/.exec(rest)) {
    parts.push({ text: rest.slice(0, found.index), literal: false });
    const variable = found[1] ?? '';
    const tag = /^aws:PrincipalTag\/(.+)$/.exec(variable)?.[1];
    if (tag === undefined) throw new Error(`IAM twin: policy variable \${${variable}} is not supported`);
    const value = tags[tag];
    if (value === undefined) return undefined;
    parts.push({ text: value, literal: true });
    rest = rest.slice(found.index + found[0].length);
  }
  parts.push({ text: rest, literal: false });
  return parts;
}

const globSource = (glob: string): string =>
  glob
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char)))
    .join('');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const toArray = (values: string | readonly string[]): readonly string[] => (typeof values === 'string' ? [values] : values);
