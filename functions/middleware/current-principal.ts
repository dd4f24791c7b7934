import { revocationOf, type PrincipalRecord, type PrincipalRecords } from '../../domain/identity/principal-record.js';
import type { Principal } from '../../domain/identity/principal.js';
import { Unauthorized } from '../../domain/kernel/errors.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoPrincipalRecords } from '../adapters/dynamodb/principal-records.js';
import { Store } from '../adapters/dynamodb/store.js';
import { logger } from './observability.js';

/** How long a container trusts a principal record it read (issue 12 #1: at most 30 s). */
export const PRINCIPAL_CACHE_MS = 30_000;
/** Records kept per container; beyond that the oldest are dropped (a Map iterates in insertion order). */
const MAX_CACHED = 10_000;

interface Cached {
  readonly record: PrincipalRecord | undefined;
  readonly until: number;
}

const cache = new Map<string, Cached>();
let records: PrincipalRecords | undefined;

const tableRecords = (): PrincipalRecords => new DynamoPrincipalRecords(new Store(sharedDynamoDb().doc, mainTableName(), systemClock));

/**
 * The request-time half of authentication (issue 12 #1): a verified token speaks for its user only while the
 * user's principal record agrees — not disabled, same role and organisation, a token version not older than
 * the record's. The record is the sign-in record `P#LOGIN#<username>` (one GetItem), kept for at most
 * {@link PRINCIPAL_CACHE_MS} per container, and forgotten at once in the container whose write changed it
 * ({@link forgetPrincipal}). So a disabling or a role change applies to the next request in that container and
 * within 30 s everywhere, on AWS as locally; without the cache every request would pay that GetItem.
 *
 * A refused token is a 401: the caller must sign in again (and then gets its current role, or nothing).
 */
export async function assertPrincipalCurrent(principal: Principal, now: number = Date.now()): Promise<void> {
  let cached = cache.get(principal.username);
  if (!cached || cached.until <= now) {
    records ??= tableRecords();
    cached = { record: await records.read(principal.username), until: now + PRINCIPAL_CACHE_MS };
    cache.delete(principal.username);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(principal.username, cached);
  }
  const revoked = revocationOf(principal, cached.record);
  if (revoked) {
    logger.info('token refused: principal no longer current', { reason: revoked, userId: principal.userId });
    throw new Unauthorized('this token is no longer valid; sign in again');
  }
}

/** Drops the cached record of `username`: called by the write that changed it, in the same container. */
export function forgetPrincipal(username: string): void {
  cache.delete(username);
}

/** Tests and the benchmark: read through `source` instead of the table, with an empty cache. */
export function usePrincipalRecords(source: PrincipalRecords | undefined): void {
  records = source;
  cache.clear();
}
