import type { ClaimRepository } from '../../domain/claims/claim.repository.js';
import type { ComplaintRepository } from '../../domain/complaints/complaint.repository.js';
import type { FeeLedgerRepository } from '../../domain/fees/fee-ledger.repository.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { Conflict, StaleVersion } from '../../domain/kernel/errors.js';
import { recordedRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSetSource } from '../../domain/kernel/rule-set/rule-set-source.port.js';
import type { HazardRepository } from '../../domain/services/hazard.repository.js';
import { evaluateObligations, policyForObligations, serviceForObligations } from '../../domain/services/obligations-engine.js';
import type { ServicePlanRepository } from '../../domain/services/service-plan.repository.js';
import type { ServiceRepository } from '../../domain/services/service.repository.js';
import {
  claimContribution,
  complaintContribution,
  contributionDelta,
  feeYearContribution,
  hazardContribution,
  isEmptyContribution,
  policyContribution,
  serviceContribution,
} from '../../domain/supervision/counters.js';
import type { Evaluated } from '../../domain/supervision/counters.js';
import type { CountedSubject, SupervisionCountersRepository } from '../../domain/supervision/counters.repository.js';
import type { PolicyRepository } from '../../domain/underwriting/policy.repository.js';

/** What the counters are computed from: each record as it is now, through the domain's ports. */
export interface CountedSources {
  readonly policies: Pick<PolicyRepository, 'get'>;
  readonly plans: Pick<ServicePlanRepository, 'getPlan'>;
  readonly services: Pick<ServiceRepository, 'getService' | 'servicesOfPolicy'>;
  readonly hazards: Pick<HazardRepository, 'getHazard'>;
  readonly complaints: Pick<ComplaintRepository, 'get'>;
  readonly claims: Pick<ClaimRepository, 'get'>;
  readonly fees: Pick<FeeLedgerRepository, 'year'>;
  readonly ruleSets: RuleSetSource;
}

/** The part of a bus event the counters look at. */
export interface CountedEvent {
  readonly type: string;
  readonly tenantId?: string;
  readonly aggregateId: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The names of the events the counters follow (functions/events/subscriptions.ts lists them for the bus). */
export const COUNTED_EVENT_PREFIXES = ['underwriting.policy.', 'services.service.', 'services.plan.', 'services.hazard.', 'complaints.complaint.', 'fees.entry.', 'claims.claim.'] as const;

/**
 * The records an event moves: the service and its policy (SVC-1/SVC-2 obligations count the policy's services),
 * the policy of a plan, the hazard, the complaint, the insurer's fee year (the ledger aggregate is
 * `<tenantId>-<year>`).
 */
export function subjectsOf(event: CountedEvent): CountedSubject[] {
  const tenantId = event.tenantId;
  if (!tenantId) return [];
  const id = event.aggregateId;
  if (event.type.startsWith('underwriting.policy.') || event.type.startsWith('services.plan.')) return [{ kind: 'policy', tenantId, id }];
  if (event.type.startsWith('services.service.')) {
    const policyId = event.data?.policyId;
    return [{ kind: 'service', tenantId, id }, ...(typeof policyId === 'string' ? [{ kind: 'policy' as const, tenantId, id: policyId }] : [])];
  }
  if (event.type.startsWith('services.hazard.')) return [{ kind: 'hazard', tenantId, id }];
  if (event.type.startsWith('complaints.complaint.')) return [{ kind: 'complaint', tenantId, id }];
  if (event.type.startsWith('claims.claim.')) return [{ kind: 'claim', tenantId, id }];
  if (event.type.startsWith('fees.entry.')) {
    const year = event.data?.year;
    return typeof year === 'number' ? [{ kind: 'fee-year', tenantId, id: String(year) }] : [];
  }
  return [];
}

/** The subject's contribution as its record stands now, evaluated on today (empty when the record is not there). */
export async function contributionNow(subject: CountedSubject, sources: CountedSources, now: Date): Promise<Evaluated> {
  const { tenantId, id } = subject;
  const today = shanghaiDateOf(now);
  switch (subject.kind) {
    case 'policy': {
      const policy = await sources.policies.get(tenantId, id);
      // A member's copy is the lead's policy: counted once, for the lead (ACL-1).
      if (!policy || policy.tenantId !== tenantId) return { contribution: {} };
      const [plan, services, versions] = await Promise.all([
        sources.plans.getPlan(tenantId, id),
        sources.services.servicesOfPolicy(tenantId, id),
        sources.ruleSets.versions(policy),
      ]);
      const obligations = evaluateObligations(
        policyForObligations(policy),
        plan,
        services.map(serviceForObligations),
        recordedRuleSet(versions, policy, `policy ${policy.policyNumber}`),
        today,
      );
      return policyContribution(policy, obligations, today);
    }
    case 'service': {
      const service = await sources.services.getService(tenantId, id);
      return service ? serviceContribution(service, today) : { contribution: {} };
    }
    case 'hazard': {
      const hazard = await sources.hazards.getHazard(tenantId, id);
      return hazard ? hazardContribution(hazard, today) : { contribution: {} };
    }
    case 'complaint': {
      const complaint = await sources.complaints.get(tenantId, id);
      return complaint ? complaintContribution(complaint, today) : { contribution: {} };
    }
    case 'claim': {
      const claim = await sources.claims.get(tenantId, id);
      return claim ? claimContribution(claim) : { contribution: {} };
    }
    case 'fee-year': {
      const year = Number(id);
      return feeYearContribution(tenantId, year, await sources.fees.year(tenantId, year));
    }
  }
}

const ATTEMPTS = 6;

/**
 * Issue 14: brings one subject's share of the counters up to date. State-based: the record is read as it is
 * now, its contribution compared with the one stored, and only the difference added — in one transaction with
 * the new contribution, guarded by its revision. A redelivered event finds nothing to add; two events of one
 * record handled at once cannot both add (the second is StaleVersion, reads again and adds what is left); an
 * event arriving after a later one reads the same latest record. So the cells always equal the sum of the
 * records' contributions (the property test in test/domain/supervision-counters.property.test.ts).
 */
export async function projectSubject(
  subject: CountedSubject,
  sources: CountedSources,
  counters: SupervisionCountersRepository,
  now: Date,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await counters.contributionOf(subject);
    const { contribution, nextEdge } = await contributionNow(subject, sources, now);
    const delta = contributionDelta(stored?.contribution, contribution);
    // Nothing to add and no edge to keep (or move): a redelivery, or a record that counts for nothing.
    if (isEmptyContribution(delta) && stored?.nextEdge === nextEdge) return;
    try {
      await counters.apply(subject, stored?.revision, contribution, delta, nextEdge);
      return;
    } catch (error) {
      // StaleVersion: another event of the record got there first; Conflict: a concurrent transaction held a cell.
      if (!(error instanceof StaleVersion || error instanceof Conflict) || attempt >= ATTEMPTS) throw error;
      if (error instanceof Conflict) await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}

/** Every subject an event moves, one after another (a service's own figures, then its policy's). */
export async function projectCounters(event: CountedEvent, sources: CountedSources, counters: SupervisionCountersRepository, now: Date): Promise<void> {
  for (const subject of subjectsOf(event)) await projectSubject(subject, sources, counters, now);
}

/**
 * Issue 14, the daily run: re-evaluates every subject whose edge has come (a due date passed, a policy started,
 * ended or reached January 1 in force), so the figures that depend on the day — overdue, in force — are true
 * today. Reads only what is due, through the edge index; a subject projected meanwhile is simply evaluated again.
 */
export async function sweepSupervisionEdges(sources: CountedSources, counters: SupervisionCountersRepository, now: Date): Promise<number> {
  const today = shanghaiDateOf(now);
  let swept = 0;
  let cursor: string | undefined;
  // Re-evaluated, a subject's edge is always after today: the sweep never sees it twice in one run.
  do {
    const page = await counters.edgesDue(today, cursor);
    for (const subject of page.items) {
      await projectSubject(subject, sources, counters, now);
      swept += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return swept;
}
