import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import { INSURER } from '../../../domain/identity/access.js';
import { addDays, yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { reminderHorizon, reminderLeadOf } from '../../../domain/reminders/reminder.rules.js';
import { WORKBENCH_READ_LIMIT, workbenchOf, workbenchSchema } from '../../../domain/supervision/workbench.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { workbenchRoot } from './workbench-composition-root.js';

/**
 * Issue 14 (the insurer's home; SVC-2/4/7/8/9, CMP-2..4/8, FEE-4/5, SUP-3): the caller's insurer's to-dos —
 * overdue and due within the reminder lead (the daily reminders' horizon, in working days) — its plans missing,
 * the year's obligations and fee figures and its open 督办 notices. Tenant from the token only. A fixed number
 * of reads whatever the insurer holds: one page per due-date index, one of recent policies (plus one batch of
 * their plans), one of notices, the insurer's counter cells and the fee year's counters.
 */
export const getWorkbench = defineRoute({
  method: 'GET',
  path: '/api/v1/workbench',
  access: INSURER,
  summary: "The insurer's workbench: to-dos by due date, plans missing, the year's obligations and fees, open 督办",
  tags: ['notices'],
  response: workbenchSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, calendar, ruleSets, clock } = workbenchRoot();
    const today = todayOf(clock);
    const year = yearOf(today);
    const [reads, workingDays, versions] = await Promise.all([forTenant(tenantId), calendar(), ruleSets.versions()]);
    const horizon = reminderHorizon({ runOn: today, calendar: workingDays, leadWorkingDays: reminderLeadOf(selectRuleSet(versions, today)) });
    const before = addDays(horizon, 1);
    const [services, hazards, complaints, policies, notices, cells, ledger] = await Promise.all([
      reads.servicesDue(tenantId, before, WORKBENCH_READ_LIMIT),
      reads.hazardsDue(tenantId, before, WORKBENCH_READ_LIMIT),
      reads.complaintsDue(tenantId, before, WORKBENCH_READ_LIMIT),
      reads.recentPolicies(tenantId, before, WORKBENCH_READ_LIMIT),
      reads.notices(tenantId, WORKBENCH_READ_LIMIT),
      reads.counterCells(tenantId, year),
      reads.feeYear(tenantId, year),
    ]);
    const fees = summarizeYear(ledger, { tenantId, year, ruleSet: ruleSetForYear(versions, year) });
    return { body: workbenchOf({ today, horizon, services, hazards, complaints, policies, notices, cells, year, fees }) };
  },
});
