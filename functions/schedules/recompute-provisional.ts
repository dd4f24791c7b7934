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

/**
 * CAL-2: once the operator loads a year's schedule, deadlines that were computed provisionally for it are
 * computed again and become final (or move, if the State Council's notice says so). Runs on the
 * `platform.calendar.year_loaded` event and in the daily run; a complaint whose dates do not change is left alone.
 */
export async function recomputeProvisionalComplaints(
  platform: DynamoPlatformRepository,
  complaintsOf: (tenantId: string) => Promise<DynamoComplaintRepository>,
  rules: ComplaintRules,
): Promise<number> {
  let changed = 0;
  await forEachTenant(platform, async (tenantId) => {
    const repository = await complaintsOf(tenantId);
    let cursor: string | undefined;
    do {
      const page = await repository.provisionalDue(tenantId, 100, cursor);
      for (const complaint of page.items) {
        const recomputed = recomputeDeadlines(complaint, rules);
        if (recomputed === complaint) continue;
        try {
          await repository.saveRecomputed(recomputed, complaint.version);
          changed += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error; // changed meanwhile: its own save recomputed it
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  });
  return changed;
}

/**
 * CAL-2, SVC-8, SVC-9: the same for prevention services — the follow-up and archive dates of services still
 * in the due index, each recomputed from its day performed under the rule set it recorded (RULES-1).
 */
export async function recomputeProvisionalServices(
  platform: DynamoPlatformRepository,
  servicesOf: (tenantId: string) => Promise<DynamoServiceRepository>,
  rules: { readonly ruleSets: readonly RuleSet[]; readonly calendar: WorkingDayCalendar },
): Promise<number> {
  let changed = 0;
  await forEachTenant(platform, async (tenantId) => {
    const repository = await servicesOf(tenantId);
    let cursor: string | undefined;
    do {
      const page = await repository.provisionalDue(tenantId, 100, cursor);
      for (const service of page.items) {
        const ruleSet = recordedRuleSet(rules.ruleSets, service, `service ${service.id}`);
        const recomputed = recomputeServiceDeadlines(service, ruleSet, rules.calendar);
        if (recomputed === service) continue;
        try {
          await repository.saveRecomputed(recomputed, service.version);
          changed += 1;
        } catch (error) {
          // Changed meanwhile (followed up, signed …): the next run or year_loaded event finds it again if still provisional.
          if (!(error instanceof StaleVersion)) throw error;
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  });
  return changed;
}
