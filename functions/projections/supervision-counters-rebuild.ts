import type { ClaimRepository } from '../../domain/claims/claim.repository.js';
import type { ComplaintRepository } from '../../domain/complaints/complaint.repository.js';
import { shanghaiDateOf, yearOf } from '../../domain/kernel/calendar/local-date.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import type { HazardRepository } from '../../domain/services/hazard.repository.js';
import type { ServiceRepository } from '../../domain/services/service.repository.js';
import type { CountedSubject, SupervisionCountersRepository } from '../../domain/supervision/counters.repository.js';
import type { PolicyRepository } from '../../domain/underwriting/policy.repository.js';
import { projectSubject } from './supervision-counters.js';
import type { CountedSources } from './supervision-counters.js';

/** Where the records of every insurer are listed, a page at a time. */
export interface CountedListings {
  readonly tenants: Pick<PlatformRepository, 'listTenants'>;
  readonly policies: Pick<PolicyRepository, 'listByTenant'>;
  readonly services: Pick<ServiceRepository, 'listServices'>;
  readonly hazards: Pick<HazardRepository, 'listHazards'>;
  readonly complaints: Pick<ComplaintRepository, 'listByTenant'>;
  readonly claims: Pick<ClaimRepository, 'listByTenant'>;
}

/** The first prevention-fee year the platform knows (the 2024 rule set). */
const FIRST_FEE_YEAR = 2024;
const PAGE = 100;

async function eachPage<T>(read: (cursor?: string) => Promise<{ readonly items: readonly T[]; readonly nextCursor?: string }>, visit: (item: T) => Promise<void>): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    for (const item of page.items) await visit(item);
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * Issue 14: the supervision counters rebuilt from the records themselves — for data that existed before the
 * projection did (a local data folder from an earlier version). Every record of every insurer is projected as it
 * is now, exactly as an event about it would be: state-based, so running it again, or while events flow, adds
 * nothing twice. On AWS the same is `npm run replay:events` (the archived events replayed to the rules).
 */
export async function rebuildSupervisionCounters(
  listings: CountedListings,
  sources: CountedSources,
  counters: SupervisionCountersRepository,
  now: Date,
): Promise<number> {
  let projected = 0;
  const project = async (subject: CountedSubject) => {
    await projectSubject(subject, sources, counters, now);
    projected += 1;
  };
  const lastFeeYear = yearOf(shanghaiDateOf(now));
  await eachPage(
    (cursor) => listings.tenants.listTenants({ limit: PAGE, ...(cursor ? { cursor } : {}) }),
    async ({ id: tenantId }) => {
      await eachPage((cursor) => listings.policies.listByTenant(tenantId, { limit: PAGE, ...(cursor ? { cursor } : {}) }), ({ id }) => project({ kind: 'policy', tenantId, id }));
      await eachPage((cursor) => listings.services.listServices(tenantId, { limit: PAGE, ...(cursor ? { cursor } : {}) }), ({ id }) => project({ kind: 'service', tenantId, id }));
      await eachPage((cursor) => listings.hazards.listHazards(tenantId, { limit: PAGE, ...(cursor ? { cursor } : {}) }), ({ id }) => project({ kind: 'hazard', tenantId, id }));
      await eachPage((cursor) => listings.complaints.listByTenant(tenantId, { limit: PAGE, ...(cursor ? { cursor } : {}) }), ({ id }) => project({ kind: 'complaint', tenantId, id }));
      await eachPage((cursor) => listings.claims.listByTenant(tenantId, { limit: PAGE, ...(cursor ? { cursor } : {}) }), ({ id }) => project({ kind: 'claim', tenantId, id }));
      for (let year = FIRST_FEE_YEAR; year <= lastFeeYear; year += 1) await project({ kind: 'fee-year', tenantId, id: String(year) });
    },
  );
  return projected;
}
