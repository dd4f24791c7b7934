import type { Complaint } from '../complaints/complaint.js';
import { addDays, compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import type { WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import type { DomainEvent } from '../kernel/events.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { nextDeadline } from '../services/deadlines.js';
import { evaluateObligations } from '../services/obligations-engine.js';
import { serviceYearOf, type PolicyFacts } from '../services/policy-facts.js';
import type { PolicyObligationFacts } from './reminders.port.js';
import { hazardDueOn, type Hazard } from '../services/hazard.js';
import { SERVICE_TYPE_NAMES_ZH, type PreventionService } from '../services/service.js';
import type { ReminderMark } from './once-only.port.js';
import { reminderEvents, type ReminderAudience, type ReminderPayload, type ReminderStep } from './events.js';

/** The two reminders of one deadline: `due` while it is near, `overdue` once its day has passed. */
export type ReminderKind = 'due' | 'overdue';
export const REMINDER_KINDS: readonly ReminderKind[] = ['due', 'overdue'];

/**
 * How many working days ahead the daily run reminds, when the rule set in force does not say: versions published
 * before the figure existed carry none (RULES-1: a published version is never changed).
 */
export const REMINDER_LEAD_DEFAULT = 3;

/** The lead of `ruleSet` (SVC-7..9, CMP-2): its `reminderLeadWorkingDays`, or {@link REMINDER_LEAD_DEFAULT}. */
export function reminderLeadOf(ruleSet: Pick<RuleSet, 'reminderLeadWorkingDays'>): number {
  return ruleSet.reminderLeadWorkingDays ?? REMINDER_LEAD_DEFAULT;
}

/** What the daily run of `runOn` works with: the working-day calendar (CAL-1) and the lead in working days. */
export interface ReminderClock {
  readonly runOn: LocalDate;
  readonly calendar: WorkingDayCalendar;
  readonly leadWorkingDays: number;
}

/**
 * The last due date the run of `runOn` reminds of: `leadWorkingDays` working days after `runOn`. The due-date
 * indexes are read up to this day and no further, so a run reads what is due, not the whole index.
 *
 * @example
 * reminderHorizon({ runOn: '2026-09-28', calendar, leadWorkingDays: 3 }); // '2026-10-09' — across National Day
 */
export function reminderHorizon(clock: ReminderClock): LocalDate {
  return clock.calendar.addWorkingDays(clock.runOn, clock.leadWorkingDays).date;
}

/** The sort-key bound (exclusive) of the due indexes' `<dueOn>#<id>` for {@link reminderHorizon}. */
export function reminderIndexBound(clock: ReminderClock): string {
  return addDays(reminderHorizon(clock), 1);
}

/**
 * Which reminder a deadline on `dueOn` calls for on `runOn`: `overdue` once the day has passed, `due` from
 * `leadWorkingDays` working days before it (CAL-1: holidays and 调休 counted as the calendar says) up to the
 * day itself, none before. A run that missed days still reminds: `due` covers the whole window, and the mark
 * of each reminder (see {@link reminderMark}) keeps it to once.
 *
 * @example
 * reminderKindOn('2026-10-09', { runOn: '2026-09-29', calendar, leadWorkingDays: 3 }); // 'due' (Oct 1–7 off)
 * reminderKindOn('2026-10-09', { runOn: '2026-10-10', calendar, leadWorkingDays: 3 }); // 'overdue'
 */
export function reminderKindOn(dueOn: LocalDate, clock: ReminderClock): ReminderKind | undefined {
  if (compareLocalDates(clock.runOn, dueOn) > 0) return 'overdue';
  const from = clock.calendar.addWorkingDays(dueOn, -clock.leadWorkingDays).date;
  return compareLocalDates(clock.runOn, from) >= 0 ? 'due' : undefined;
}

/** What one daily run raised: a count per step and kind (steps with nothing raised are absent). */
export type RemindersRaised = Partial<Record<ReminderStep, Partial<Record<ReminderKind, number>>>>;

/** A reminder the run would raise: its kind and payload. */
export interface DueReminder {
  readonly kind: ReminderKind;
  readonly payload: ReminderPayload;
}

/**
 * Once per item, step and kind (issue 16): the mark the run writes with the reminder's outbox event, in the
 * insurer's partition. A rerun or a retry finds it and raises nothing; a deadline that moves does not remind
 * again of the same step.
 */
export function reminderMark(tenantId: string, reminder: DueReminder): ReminderMark {
  return { tenantId, kind: reminder.kind, step: reminder.payload.step, subject: [reminder.payload.subjectId] };
}

/** The event of a reminder, on the `reminder` aggregate named by its mark (version 1: it is raised once). */
export function reminderEvent(tenantId: string, reminder: DueReminder): DomainEvent {
  const id = `${reminder.kind}.${reminder.payload.step}.${reminder.payload.subjectId}`;
  return reminderEvents[reminder.kind].of({ id, version: 1, tenantId }, reminder.payload);
}

const ARCHIVE_STEP_ZH = '归档';

/**
 * SVC-8, SVC-9: the reminder a service in the due index calls for on `clock.runOn`, if any. COMPLETED owes the
 * follow-up (SVC-8, the insurer's); FOLLOWED_UP and CONFIRMED owe the complete, archived record (SVC-9) —
 * the enterprise is reminded too while its signature is missing, since the record cannot be complete without it.
 *
 * @example
 * serviceReminder(followedUp, clock)?.payload.title; // '忻府忻达煤业有限责任公司 · 隐患排查 · 归档'
 */
export function serviceReminder(service: PreventionService, clock: ReminderClock): DueReminder | undefined {
  const next = nextDeadline(service);
  if (next === undefined) return undefined;
  const kind = reminderKindOn(next.dueOn, clock);
  if (kind === undefined) return undefined;
  const archive = next.kind === 'ARCHIVE';
  const enterpriseMustSign = archive && service.confirmations.enterprise === undefined;
  const audience: ReminderAudience[] = enterpriseMustSign ? ['INSURER', 'ENTERPRISE'] : ['INSURER'];
  const step: ReminderStep = archive ? 'SVC-9' : 'SVC-8';
  return {
    kind,
    payload: {
      step,
      subject: 'service',
      subjectId: service.id,
      title: `${service.enterprise.name} · ${SERVICE_TYPE_NAMES_ZH[service.type]}${service.deep ? '（精查）' : ''} · ${archive ? ARCHIVE_STEP_ZH : '回访'}`,
      dueOn: next.dueOn,
      audience,
      enterpriseUscc: service.enterprise.uscc,
      county: service.enterprise.county,
      link: `/insurer/services/${service.id}`,
      ...(enterpriseMustSign ? { enterpriseLink: '/my/services' } : {}),
      runOn: clock.runOn,
    },
  };
}

const GRADE_ZH = { GENERAL: '一般隐患', MAJOR: '重大隐患' } as const;

/**
 * SVC-7: the reminder a hazard not yet verified calls for. While OPEN or RECTIFYING the enterprise must rectify
 * by the date (its plan's, or the inspector's until it reports one), so it is reminded with the insurer; once
 * RECTIFIED only the insurer's verification is outstanding.
 */
export function hazardReminder(hazard: Hazard, clock: ReminderClock): DueReminder | undefined {
  const dueOn = hazardDueOn(hazard);
  if (dueOn === undefined) return undefined;
  const kind = reminderKindOn(dueOn, clock);
  if (kind === undefined) return undefined;
  const enterpriseMustAct = hazard.status === 'OPEN' || hazard.status === 'RECTIFYING';
  return {
    kind,
    payload: {
      step: 'SVC-7',
      subject: 'hazard',
      subjectId: hazard.id,
      title: `${hazard.enterprise.name} · ${GRADE_ZH[hazard.grade]} · ${enterpriseMustAct ? '整改' : '复查验收'}`,
      dueOn,
      audience: enterpriseMustAct ? ['INSURER', 'ENTERPRISE'] : ['INSURER'],
      enterpriseUscc: hazard.enterprise.uscc,
      county: hazard.enterprise.county,
      link: '/insurer/hazards',
      ...(enterpriseMustAct ? { enterpriseLink: '/my/hazards' } : {}),
      runOn: clock.runOn,
    },
  };
}

const REQUEST_SHOWN = 16;

/**
 * CMP-2..4, CMP-8: the reminder a complaint awaiting a reply calls for, against its binding due date (the earlier
 * of the two clocks, extensions included). The step is CMP-2, the reply, whichever rule set the binding date;
 * the insurer must act. A complaint carries no enterprise name, so the title quotes the request.
 */
export function complaintReminder(complaint: Complaint, clock: ReminderClock): DueReminder | undefined {
  const dueOn = complaint.deadlines.binding.dueOn;
  const kind = reminderKindOn(dueOn, clock);
  if (kind === undefined) return undefined;
  const request = complaint.request.length > REQUEST_SHOWN ? `${complaint.request.slice(0, REQUEST_SHOWN)}…` : complaint.request;
  return {
    kind,
    payload: {
      step: 'CMP-2',
      subject: 'complaint',
      subjectId: complaint.id,
      title: `投诉 · ${request} · 答复`,
      dueOn,
      audience: ['INSURER'],
      enterpriseUscc: complaint.enterpriseUscc,
      ...(complaint.county === undefined ? {} : { county: complaint.county }),
      link: `/insurer/complaints/${complaint.id}`,
      runOn: clock.runOn,
    },
  };
}

/**
 * SVC-2, SVC-4, SVC-11: the reminders a policy the insurer leads calls for. SVC-4: no plan agreed with the
 * enterprise — due on the first day of the period (the plan governs the year's services from its start). SVC-2: no
 * archived service performed by the first-service date (period start + `firstServiceMonths`, the obligations
 * engine's FIRST_SERVICE). SVC-11: obligations of the year still open, due on its last day. A cancellation before the date, or before the run, ends the obligation. The insurer must act; both open
 * 事故预防服务 · 服务义务, where the plan is agreed too.
 *
 * @example
 * policyReminders({ policy, plan: undefined, services: [] }, XINZHOU_2024, clock).map((r) => r.payload.step);
 * // ['SVC-4'] on the days around the period start
 */
export function policyReminders(facts: PolicyObligationFacts, ruleSet: RuleSet, clock: ReminderClock): DueReminder[] {
  const { policy, plan, services } = facts;
  // A cancelled policy owes nothing more from its last day on: no service can be performed under it any longer.
  if (policy.cancelledOn !== undefined && compareLocalDates(policy.cancelledOn, clock.runOn) <= 0) return [];
  const reminders: DueReminder[] = [];
  const endsBefore = (day: LocalDate) => policy.cancelledOn !== undefined && compareLocalDates(policy.cancelledOn, day) <= 0;
  const remind = (step: 'SVC-2' | 'SVC-4' | 'SVC-11', what: string, dueOn: LocalDate) => {
    if (endsBefore(dueOn)) return;
    const kind = reminderKindOn(dueOn, clock);
    if (kind !== undefined) reminders.push({ kind, payload: policyPayload(policy, step, `${policy.enterprise.name} · ${policy.policyNumber} · ${what}`, dueOn, clock) });
  };
  if (plan === undefined) remind('SVC-4', '服务方案', policy.periodStart);
  const status = evaluateObligations(
    {
      id: policy.id,
      industry: policy.enterprise.industry,
      size: policy.enterprise.size,
      periodStart: policy.periodStart,
      periodEnd: policy.periodEnd,
      ...(policy.cancelledOn === undefined ? {} : { cancelledOn: policy.cancelledOn }),
      ruleSetId: policy.ruleSetId,
      ruleSetVersion: policy.ruleSetVersion,
    },
    plan,
    services,
    ruleSet,
    clock.runOn,
  );
  const first = status.requirements.find((requirement) => requirement.key === 'FIRST_SERVICE');
  if (first !== undefined && first.done === 0) remind('SVC-2', '首次服务', first.dueBy);
  // SVC-11: the year's other obligations (SVC-1 table or SVC-4 plan lines) still open as the policy year ends.
  if (status.requirements.some((requirement) => requirement.key !== 'FIRST_SERVICE' && requirement.status !== 'DONE')) {
    remind('SVC-11', '年度服务义务', serviceYearOf(policy).end);
  }
  return reminders;
}

function policyPayload(policy: PolicyFacts, step: 'SVC-2' | 'SVC-4' | 'SVC-11', title: string, dueOn: LocalDate, clock: ReminderClock): ReminderPayload {
  return {
    step,
    subject: 'policy',
    subjectId: policy.id,
    title,
    dueOn,
    audience: ['INSURER'],
    enterpriseUscc: policy.enterprise.uscc,
    county: policy.enterprise.county,
    link: '/insurer/obligations',
    runOn: clock.runOn,
  };
}
