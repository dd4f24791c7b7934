import type { ComplaintDeadlineSweeps } from '../../domain/complaints/complaint.repository.js';
import { recomputeDeadlines, type ComplaintRules } from '../../domain/complaints/deadlines.js';
import type { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { recordedRuleSet } from '../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import { recomputeServiceDeadlines } from '../../domain/services/deadlines.js';
import type { ServiceRepository } from '../../domain/services/service.repository.js';
import { forEachDueItem } from './each-tenant.js';

/*
 * CAL-2: once the operator loads a year's schedule, deadlines that were computed provisionally for it are
 * computed again and become final (or move, if the State Council's notice says so). Runs on the
 * `platform.calendar.year_loaded` event and in the daily run; an item whose dates do not change is left alone.
 */

/** CAL-2, CMP-2..4, CMP-8: complaints' reply deadlines. */
export function recomputeProvisionalComplaints(
  platform: PlatformRepository,
  complaintsOf: (tenantId: string) => Promise<ComplaintDeadlineSweeps>,
  rules: ComplaintRules,
): Promise<number> {
  return forEachDueItem(
    platform,
    async (tenantId, page) => (await complaintsOf(tenantId)).provisionalDue(tenantId, page),
    async (complaint, tenantId) => {
      const recomputed = recomputeDeadlines(complaint, rules);
      if (recomputed.state === complaint) return false;
      await (await complaintsOf(tenantId)).save(recomputed, complaint.version);
      return true;
    },
  );
}

/**
 * CAL-2, SVC-8, SVC-9: the follow-up and archive dates of services still in the due index, each recomputed from
 * its day performed under the rule set it recorded (RULES-1).
 */
export function recomputeProvisionalServices(
  platform: PlatformRepository,
  servicesOf: (tenantId: string) => Promise<ServiceRepository>,
  rules: { readonly ruleSets: readonly RuleSet[]; readonly calendar: WorkingDayCalendar },
): Promise<number> {
  return forEachDueItem(
    platform,
    async (tenantId, page) => (await servicesOf(tenantId)).provisionalDue(tenantId, page.limit, page.cursor),
    async (service, tenantId) => {
      const ruleSet = recordedRuleSet(rules.ruleSets, service, `service ${service.id}`);
      const recomputed = recomputeServiceDeadlines(service, ruleSet, rules.calendar);
      if (recomputed.state === service) return false;
      await (await servicesOf(tenantId)).saveRecomputed(recomputed, service.version);
      return true;
    },
  );
}
