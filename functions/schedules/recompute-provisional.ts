import { recomputeDeadlines, type ComplaintRules } from '../../domain/complaints/deadlines.js';
import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { StaleVersion } from '../../domain/kernel/errors.js';
import { recordedRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import { recomputeServiceDeadlines } from '../../domain/services/deadlines.js';
import type { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import type { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import type { DynamoServiceRepository } from '../adapters/dynamodb/services.repository.js';
import { forEachTenant } from './each-tenant.js';

/** What both passes need of a repository: the provisional items of a tenant, and a save of a recomputed one. */
interface ProvisionalDeadlines<T extends { readonly version: number }> {
  provisionalDue(tenantId: string, limit: number, cursor?: string): Promise<{ items: readonly T[]; nextCursor?: string }>;
  saveRecomputed(item: T, expectedVersion: number): Promise<void>;
}

/**
 * CAL-2: once the operator loads a year's schedule, deadlines that were computed provisionally for it are
 * computed again and become final (or move, if the State Council's notice says so). Runs on the
 * `platform.calendar.year_loaded` event and in the daily run; an item whose dates do not change is left alone,
 * and one changed meanwhile (StaleVersion) was recomputed by its own save or is found again by the next run.
 */
async function recomputeProvisional<T extends { readonly version: number }>(
  platform: DynamoPlatformRepository,
  repositoryOf: (tenantId: string) => Promise<ProvisionalDeadlines<T>>,
  recompute: (item: T) => T,
): Promise<number> {
  let changed = 0;
  await forEachTenant(platform, async (tenantId) => {
    const repository = await repositoryOf(tenantId);
    let cursor: string | undefined;
    do {
      const page = await repository.provisionalDue(tenantId, 100, cursor);
      for (const item of page.items) {
        const recomputed = recompute(item);
        if (recomputed === item) continue;
        try {
          await repository.saveRecomputed(recomputed, item.version);
          changed += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error;
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  });
  return changed;
}

/** CAL-2, CMP-2..4, CMP-8: complaints' reply deadlines. */
export function recomputeProvisionalComplaints(
  platform: DynamoPlatformRepository,
  complaintsOf: (tenantId: string) => Promise<DynamoComplaintRepository>,
  rules: ComplaintRules,
): Promise<number> {
  return recomputeProvisional(platform, complaintsOf, (complaint) => recomputeDeadlines(complaint, rules));
}

/**
 * CAL-2, SVC-8, SVC-9: the follow-up and archive dates of services still in the due index, each recomputed from
 * its day performed under the rule set it recorded (RULES-1).
 */
export function recomputeProvisionalServices(
  platform: DynamoPlatformRepository,
  servicesOf: (tenantId: string) => Promise<DynamoServiceRepository>,
  rules: { readonly ruleSets: readonly RuleSet[]; readonly calendar: WorkingDayCalendar },
): Promise<number> {
  return recomputeProvisional(platform, servicesOf, (service) =>
    recomputeServiceDeadlines(service, recordedRuleSet(rules.ruleSets, service, `service ${service.id}`), rules.calendar),
  );
}
