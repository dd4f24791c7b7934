import { ValidationFailed } from '../../../domain/kernel/errors.js';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON.
 *
 * A cursor is client input, so decoding checks it belongs to the partition being listed: a cursor taken
 * from one tenant's listing (or forged) cannot steer a query into another partition.
 */
export type PageKey = Record<string, string>;

export const encodeCursor = (key: PageKey | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;

/** A listing's condition on its sort key: a prefix, an upper bound (exclusive) or one value. */
export type SortKeyCondition = { readonly beginsWith: string } | { readonly lessThan: string } | { readonly equals: string };

/**
 * `sortKey` is the listing's sort-key condition, when it has one: a cursor from the same partition but outside
 * it (another county's page of a county-scoped view, ACL-4) would make DynamoDB refuse the Query, so it is the
 * caller's bad cursor (400) like any other.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: { name: string; value: string },
  sortKey?: { name: string; condition: SortKeyCondition },
): PageKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const invalid = () => new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this listing issued' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed);
  if (entries.length > 6 || !entries.every(([, v]) => typeof v === 'string')) throw invalid();
  const key = Object.fromEntries(entries) as PageKey;
  if (key[partition.name] !== partition.value) throw invalid();
  if (sortKey && !satisfies(key[sortKey.name], sortKey.condition)) throw invalid();
  return key;
}

function satisfies(value: string | undefined, condition: SortKeyCondition): boolean {
  if (value === undefined) return false;
  if ('beginsWith' in condition) return value.startsWith(condition.beginsWith);
  if ('lessThan' in condition) return value < condition.lessThan;
  return value === condition.equals;
}
