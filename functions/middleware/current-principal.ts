import { revocationOf, type PrincipalRecord, type PrincipalRecords } from '../../domain/identity/principal-record.js';
import type { Principal } from '../../domain/identity/principal.js';
import { Unauthorized } from '../../domain/kernel/errors.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoPrincipalRecords } from '../adapters/dynamodb/principal-records.js';
import { Store } from '../adapters/dynamodb/store.js';
import { HttpProblem } from './error-envelope.js';
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
/** ACL-3: tenant statuses by tenant id, on the same terms as the principal records (one entry serves all its users). */
const tenantCache = new Map<string, { readonly status: string | undefined; readonly until: number }>();
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
  if (principal.tenantId !== undefined) await assertTenantActive(principal.tenantId, now);
}

/**
 * ACL-3 (issue 15): a suspended insurer's users are refused — 403 `TENANT_SUSPENDED`, not 401, because signing
 * in again would not help — from the next request, and work again after a resumption. Only principals bound to a
 * tenant (insurer roles) are checked: regulators keep reading a suspended insurer's records (ACL-2) and an
 * enterprise its own policies (ACL-5).
 *
 * No read per request: the tenant's status is cached per tenant for {@link PRINCIPAL_CACHE_MS} like the
 * principal records — one GetItem per tenant per 30 s per container, shared by all its users — and forgotten
 * at once in the container that wrote the change ({@link forgetTenant}). Locally every context runs in one
 * process, so a suspension applies to the very next request; on AWS the other functions' containers follow
 * within 30 s, the same bound issue 12 #1 set for disabling a user.
 */
async function assertTenantActive(tenantId: string, now: number): Promise<void> {
  records ??= tableRecords();
  const reader = records.tenantStatus?.bind(records);
  if (!reader) return;
  let cached = tenantCache.get(tenantId);
  if (!cached || cached.until <= now) {
    cached = { status: await reader(tenantId), until: now + PRINCIPAL_CACHE_MS };
    tenantCache.delete(tenantId);
    if (tenantCache.size >= MAX_CACHED) tenantCache.delete(tenantCache.keys().next().value as string);
    tenantCache.set(tenantId, cached);
  }
  if (cached.status === 'SUSPENDED') {
    logger.info('token refused: tenant suspended', { tenantId });
    throw new HttpProblem(403, TENANT_SUSPENDED, 'ACL-3: this insurer is suspended by the platform operator; its users are refused until it is resumed');
  }
}

/** The error code of a suspended insurer's users (the console shows its own sentence for it). */
export const TENANT_SUSPENDED = 'TENANT_SUSPENDED';

/** Drops the cached status of `tenantId`: called by the suspension or resumption, in the same container. */
export function forgetTenant(tenantId: string): void {
  tenantCache.delete(tenantId);
}

/** Drops the cached record of `username`: called by the write that changed it, in the same container. */
export function forgetPrincipal(username: string): void {
  cache.delete(username);
}

/** Tests and the benchmark: read through `source` instead of the table, with an empty cache. */
export function usePrincipalRecords(source: PrincipalRecords | undefined): void {
  records = source;
  cache.clear();
  tenantCache.clear();
}
