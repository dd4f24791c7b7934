import { recomputeDeadlines } from '../../../domain/complaints/deadlines.js';
import { OPERATOR } from '../../../domain/identity/access.js';
import type { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { recordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { calendarPreviewSchema, previewOf, type DeadlineChange } from '../../../domain/platform/calendar-preview.js';
import type { ProvisionalPage } from '../../../domain/platform/provisional-deadlines.port.js';
import { recomputeServiceDeadlines } from '../../../domain/services/deadlines.js';
import { defineRoute } from '../../middleware/route.js';
import { calendarYearBody, scheduleFromBody, yearParams } from './calendar-year-body.js';
import { platformRoot, type PlatformRoot } from './composition-root.js';

/**
 * CAL-2: before loading a year, what it would do to the deadlines computed provisionally — the same
 * recomputation as after the load (functions/schedules/recompute-provisional.ts), on the items of the due-date
 * indexes, with nothing written. Counts only (ACL-3: the operator reads no insurer data).
 */
export const previewCalendarYear = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/calendar/{year}/preview',
  access: OPERATOR,
  summary: 'Which provisional deadlines a year would move, before it is loaded (CAL-2)',
  tags: ['platform'],
  params: yearParams,
  body: calendarYearBody,
  response: calendarPreviewSchema,
  async handle(input) {
    const schedule = scheduleFromBody(input.params.year, input.body);
    const root = platformRoot();
    const calendar = (await root.calendar.current()).withYear(schedule);
    const ruleSets = await root.ruleSets.versions();
    return { body: previewOf(schedule.year, await changesWith(root, { calendar, ruleSets })) };
  },
});

async function changesWith(root: PlatformRoot, rules: { calendar: WorkingDayCalendar; ruleSets: readonly RuleSet[] }): Promise<DeadlineChange[]> {
  const changes: DeadlineChange[] = [];
  await eachPage((cursor) => root.repository.listTenants({ limit: 100, cursor }), async ({ id: tenantId }) => {
    await eachPage((cursor) => root.provisionalDeadlines.complaints(tenantId, { limit: 100, cursor }), (complaint) => {
      const after = recomputeDeadlines(complaint, rules).state.deadlines;
      const before = complaint.deadlines;
      changes.push({ deadline: 'COMPLAINT_BINDING', before: before.binding, after: after.binding });
      if (before.workingDay && after.workingDay) changes.push({ deadline: 'COMPLAINT_REPLY', before: before.workingDay, after: after.workingDay });
      if (before.nfra && after.nfra) changes.push({ deadline: 'COMPLAINT_NFRA', before: before.nfra, after: after.nfra });
    });
    await eachPage((cursor) => root.provisionalDeadlines.services(tenantId, { limit: 100, cursor }), (service) => {
      const ruleSet = recordedRuleSet(rules.ruleSets, service, `service ${service.id}`);
      const after = recomputeServiceDeadlines(service, ruleSet, rules.calendar).state.deadlines;
      const before = service.deadlines;
      if (!before || !after) return;
      changes.push({ deadline: 'SERVICE_FOLLOW_UP', before: before.followUp, after: after.followUp });
      changes.push({ deadline: 'SERVICE_ARCHIVE', before: before.archive, after: after.archive });
    });
  });
  return changes;
}

async function eachPage<T>(pageOf: (cursor: string | undefined) => Promise<ProvisionalPage<T>>, visit: (item: T) => void | Promise<void>): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await pageOf(cursor);
    for (const item of page.items) await visit(item);
    cursor = page.nextCursor;
  } while (cursor);
}
