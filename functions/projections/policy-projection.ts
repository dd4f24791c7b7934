import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../domain/kernel/errors.js';
import { coveragePeriodOf } from '../../domain/underwriting/coverage.js';
import type { Policy } from '../../domain/underwriting/policy.js';
import type { DynamoCoverageRepository, CoverageShare, EnterpriseCoverage } from '../adapters/dynamodb/coverage.repository.js';
import { memberCopyOf } from '../adapters/dynamodb/policy.repository.js';
import type { Write } from '../adapters/dynamodb/store.js';

const ATTEMPTS = 4;

/**
 * What a policy event changes outside the lead insurer's partition, written by the projection (never by the
 * lead's own request, whose tenant-scoped role reaches only its own keys):
 * - ACL-1: each co-insurance member's read-only copy of the policy, in the member's partition;
 * - UW-11: the enterprise's coverage across insurers and its county × industry insured-today counter.
 * State-based and keyed by policy, so a redelivered event changes nothing more.
 */
export async function projectPolicy(policy: Policy, coverage: DynamoCoverageRepository, now: Date): Promise<void> {
  const today = shanghaiDateOf(now);
  const memberCopies: Write[] = policy.members
    .filter((member) => member.tenantId !== policy.tenantId)
    .map((member) => {
      const { PK, SK, ...attributes } = memberCopyOf(policy, member.tenantId);
      return { kind: 'add', key: { PK: PK as string, SK: SK as string }, add: { projections: 1 }, set: attributes };
    });
  for (let attempt = 1; ; attempt += 1) {
    const current = await coverage.get(policy.enterprise.uscc);
    const shares: Record<string, CoverageShare> = { ...current?.shares };
    const period = coveragePeriodOf(policy);
    if (period) shares[policy.id] = { tenantId: policy.tenantId, ...period };
    else delete shares[policy.id];
    try {
      await coverage.apply(current, sharesOf(policy, shares), today, memberCopies);
      return;
    } catch (error) {
      if (!(error instanceof StaleVersion) || attempt >= ATTEMPTS) throw error;
    }
  }
}

function sharesOf(policy: Policy, shares: Record<string, CoverageShare>): Omit<EnterpriseCoverage, 'evaluatedOn' | 'insuredCounted' | 'nextEdge' | 'version'> {
  return { uscc: policy.enterprise.uscc, county: policy.enterprise.county, industry: policy.enterprise.industry, shares };
}

/**
 * UW-11's counters follow the calendar as well as the events: each day the items whose next edge has come
 * (a period started or ended) are evaluated again. Reads only what is due, through the edge index.
 */
export async function sweepCoverageEdges(coverage: DynamoCoverageRepository, now: Date): Promise<number> {
  const today = shanghaiDateOf(now);
  let changed = 0;
  let cursor: string | undefined;
  do {
    const page = await coverage.edgesDue(today, cursor);
    for (const item of page.items) {
      try {
        await coverage.apply(item, { uscc: item.uscc, county: item.county, industry: item.industry, shares: item.shares }, today);
        changed += 1;
      } catch (error) {
        if (!(error instanceof StaleVersion)) throw error; // projected meanwhile: already evaluated today
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return changed;
}
