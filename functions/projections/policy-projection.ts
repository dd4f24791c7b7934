import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../domain/kernel/errors.js';
import { evaluateCoverage, withPolicyShare } from '../../domain/underwriting/coverage.js';
import type { CoverageRepository } from '../../domain/underwriting/coverage.repository.js';
import type { Policy } from '../../domain/underwriting/policy.js';

const ATTEMPTS = 4;

/**
 * What a policy event changes outside the lead insurer's partition, written by the projection (never by the
 * lead's own request, whose tenant-scoped role reaches only its own keys):
 * - ACL-1: each co-insurance member's read-only copy of the policy, in the member's partition;
 * - UW-11: the enterprise's coverage across insurers and its county × industry insured-today counter.
 * State-based and keyed by policy, so a redelivered event changes nothing more. The rules are the domain's
 * (`withPolicyShare`, `evaluateCoverage`); a concurrent change is re-read and evaluated again.
 */
export async function projectPolicy(policy: Policy, coverage: CoverageRepository, now: Date): Promise<void> {
  const today = shanghaiDateOf(now);
  for (let attempt = 1; ; attempt += 1) {
    const current = await coverage.get(policy.enterprise.uscc);
    try {
      await coverage.apply(evaluateCoverage(current, withPolicyShare(current, policy), today), policy);
      return;
    } catch (error) {
      if (!(error instanceof StaleVersion) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * UW-11's counters follow the calendar as well as the events: each day the items whose next edge has come
 * (a period started or ended) are evaluated again. Reads only what is due, through the edge index.
 */
export async function sweepCoverageEdges(coverage: CoverageRepository, now: Date): Promise<number> {
  const today = shanghaiDateOf(now);
  let changed = 0;
  let cursor: string | undefined;
  do {
    const page = await coverage.edgesDue(today, cursor);
    for (const item of page.items) {
      try {
        await coverage.apply(evaluateCoverage(item, item, today));
        changed += 1;
      } catch (error) {
        if (!(error instanceof StaleVersion)) throw error; // projected meanwhile: already evaluated today
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return changed;
}
