import { addDays, compareLocalDates, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { recordedRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { CalendarResult, WorkingDayCalendar } from '../kernel/calendar/working-day-calendar.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import type { Changed } from '../kernel/events.js';
import type { BindingDeadline, Complaint, ComplaintDeadlines, NfraDeadline, WorkingDayDeadline } from './complaint.js';
import { complaintEventOf, complaintEvents } from './events.js';

/** The facts the deadlines depend on — nothing else about a complaint moves them. */
export interface DeadlineInput {
  /** CMP-7: the Asia/Shanghai day of receipt; it is not counted. */
  readonly receivedOn: LocalDate;
  /** CMP-3: facts need further verification. */
  readonly needsVerification: boolean;
  /** CMP-4: the days of the one approved extension, if any. */
  readonly extensionDays?: number;
}

/**
 * RULES-1, CAL-2: what the complaint rules need besides the complaint — every published rule set version (the
 * domain picks the one in force on the day of receipt, and later the one recorded on the complaint) and the
 * working-day calendar with the years the operator has loaded.
 */
export interface ComplaintRules {
  readonly ruleSets: readonly RuleSet[];
  readonly calendar: WorkingDayCalendar;
}

/**
 * CMP-2, CMP-3, CMP-4: the working-day clock. Receipt + 10 working days, or + 30 when facts need
 * verification, the day of receipt not counted (CMP-7). An extension adds its calendar days to that due date,
 * and when the extended date is a rest day it moves to the next working day.
 *
 * Why the roll-over: CMP-4 adds calendar days ("延长期限不得超过 30 日"), and for a period counted in calendar
 * days Civil Code art. 203 says that a last day falling on a rest day is replaced by the day after the rest
 * days. The notice does not exclude it, and it only ever gives the insurer the working day the law already
 * grants, so the platform never reports as overdue a reply the law considers on time.
 */
function workingDayClock(input: DeadlineInput, ruleSet: RuleSet, calendar: WorkingDayCalendar): WorkingDayDeadline {
  const workingDays = input.needsVerification
    ? ruleSet.complaintVerificationWorkingDays
    : ruleSet.complaintReplyWorkingDays;
  const due = calendar.addWorkingDays(input.receivedOn, workingDays);
  if (input.extensionDays === undefined) {
    return { dueOn: due.date, provisional: due.provisional, basis: input.needsVerification ? 'CMP-3' : 'CMP-2' };
  }
  const extended = calendar.addCalendarDaysToWorkingDay(due.date, input.extensionDays);
  return { dueOn: extended.date, provisional: due.provisional || extended.provisional, basis: 'CMP-4' };
}

/**
 * CMP-8: how many calendar days after receipt the NFRA clock runs. 15 without an extension. The NFRA measures
 * allow extending "to 30" (approved by the complaints officer) and a further 30 with higher approval, 60 in
 * all; CMP-4 grants exactly one extension, approved by that same officer, so one approved extension of `d`
 * days extends this clock too — by the same `d` days, but never past the first-level figure (30) nor the
 * maximum (60). The same `d` rather than straight to 30: the complainant was told an extension of `d` days,
 * and the clock should not promise it more time than it was told. The second, higher-approved NFRA extension
 * has no counterpart in CMP-4 and is not modelled.
 */
function nfraCalendarDays(input: DeadlineInput, ruleSet: RuleSet): number {
  if (input.extensionDays === undefined) return ruleSet.nfraDecisionCalendarDays;
  return Math.min(
    ruleSet.nfraDecisionCalendarDays + input.extensionDays,
    ruleSet.nfraExtensionCalendarDays,
    ruleSet.nfraMaxTotalCalendarDays,
  );
}

/**
 * The earliest a clock's date could still become once its missing year is loaded: its count of days in plain
 * calendar days. A working day is a distinct day after receipt, so n working days end no earlier than n
 * calendar days after it, and art. 203 only ever moves a date later.
 */
function lowerBound(input: DeadlineInput, clock: 'WORKING_DAY' | 'NFRA', ruleSet: RuleSet): LocalDate {
  if (clock === 'NFRA') return addDays(input.receivedOn, nfraCalendarDays(input, ruleSet));
  const workingDays = input.needsVerification
    ? ruleSet.complaintVerificationWorkingDays
    : ruleSet.complaintReplyWorkingDays;
  return addDays(input.receivedOn, workingDays + (input.extensionDays ?? 0));
}

/**
 * CMP-2, CMP-3, CMP-4, CMP-7, CMP-8: a complaint's due dates under `ruleSet`, pure.
 *
 * - `workingDay` — the notice's clock (see CMP-2..4 above); absent when `workingDayClockEnabled` is false.
 * - `nfra` — the NFRA clock: receipt + 15 calendar days (receipt day not counted), moved to the next working
 *   day when the last day is a rest day (Civil Code art. 203); an extension moves it as explained for CMP-4.
 *   Verification (CMP-3) does not move it: the NFRA measures know no such period. Absent when
 *   `nfraClockEnabled` is false.
 * - `binding` — the earlier of the enabled clocks; on a tie the working-day clock, the notice's own rule.
 *
 * Provisional dates (CAL-2) propagate: a clock is provisional when any day it examined lies in a year the
 * calendar does not know. The binding date is provisional when its clock is, and also when the other clock
 * is provisional and could still end earlier (its {@link lowerBound} is before the binding date); otherwise
 * loading the missing year cannot change it, and it is final.
 *
 * @throws RuleViolation (CMP-8, 409) when the rule set switches both clocks off: a complaint needs a due date.
 * @example
 * const calendar = WorkingDayCalendar.builtin();
 * computeDeadlines({ receivedOn: '2024-09-27', needsVerification: false }, XINZHOU_2024, calendar);
 * // { workingDay: { dueOn: '2024-10-16', provisional: false, basis: 'CMP-2' },
 * //   nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
 * //   binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false } }
 */
export function computeDeadlines(
  input: DeadlineInput,
  ruleSet: RuleSet,
  calendar: WorkingDayCalendar,
): ComplaintDeadlines {
  const workingDay = ruleSet.workingDayClockEnabled ? workingDayClock(input, ruleSet, calendar) : undefined;
  let nfra: NfraDeadline | undefined;
  if (ruleSet.nfraClockEnabled) {
    const due: CalendarResult = calendar.addCalendarDaysToWorkingDay(input.receivedOn, nfraCalendarDays(input, ruleSet));
    nfra = { dueOn: due.date, provisional: due.provisional, basis: 'CMP-8' };
  }

  let chosen: { dueOn: LocalDate; provisional: boolean; clock: 'WORKING_DAY' | 'NFRA' };
  let other: { provisional: boolean; clock: 'WORKING_DAY' | 'NFRA' } | undefined;
  if (workingDay !== undefined && nfra !== undefined) {
    const nfraFirst = compareLocalDates(nfra.dueOn, workingDay.dueOn) < 0;
    const working = { ...workingDay, clock: 'WORKING_DAY' as const };
    const calendarDays = { ...nfra, clock: 'NFRA' as const };
    chosen = nfraFirst ? calendarDays : working;
    other = nfraFirst ? working : calendarDays;
  } else if (workingDay !== undefined) {
    chosen = { ...workingDay, clock: 'WORKING_DAY' };
  } else if (nfra !== undefined) {
    chosen = { ...nfra, clock: 'NFRA' };
  } else {
    throw new RuleViolation(
      'CMP-8',
      undefined,
      `CMP-8: rule set ${ruleSet.id} v${ruleSet.version} switches off both complaint clocks, so no reply is ever due`,
    );
  }

  const otherMayComeFirst =
    other !== undefined &&
    other.provisional &&
    compareLocalDates(lowerBound(input, other.clock, ruleSet), chosen.dueOn) < 0;
  const binding: BindingDeadline = {
    dueOn: chosen.dueOn,
    clock: chosen.clock,
    provisional: chosen.provisional || otherMayComeFirst,
  };
  return {
    ...(workingDay === undefined ? {} : { workingDay }),
    ...(nfra === undefined ? {} : { nfra }),
    binding,
  };
}

/**
 * RULES-1: the rule set version a complaint was received under, from the published versions.
 *
 * @throws RuleViolation (RULES-1, 409) when that version is not among `ruleSets` — a deployment that dropped
 * a version still in use, which must not silently fall back to another version's figures.
 * @example
 * ruleSetOf(complaint, [XINZHOU_2024]).complaintMaxExtensionDays; // 30
 */
export function ruleSetOf(complaint: Pick<Complaint, 'id' | 'ruleSetId' | 'ruleSetVersion'>, ruleSets: readonly RuleSet[]): RuleSet {
  return recordedRuleSet(ruleSets, complaint, `complaint ${complaint.id}`);
}

/** The facts of a complaint that its deadlines are computed from. */
export function deadlineInputOf(complaint: Pick<Complaint, 'receivedOn' | 'needsVerification' | 'extension'>): DeadlineInput {
  return {
    receivedOn: complaint.receivedOn,
    needsVerification: complaint.needsVerification,
    ...(complaint.extension === undefined ? {} : { extensionDays: complaint.extension.days }),
  };
}

function sameDeadlines(a: ComplaintDeadlines, b: ComplaintDeadlines): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * CAL-2: the complaint with its deadlines recomputed on `rules.calendar`, for when the operator loads a year's
 * schedule and provisional deadlines become final (or a shipped year is corrected). Deadlines are recomputed
 * from the stored facts, never patched.
 *
 * When nothing changed, the state is the same object and there are no events, so a caller can skip the write;
 * otherwise a new complaint with `version` + 1 (to be saved over the previous version) and no timeline entry —
 * the complaint itself did not change, only the calendar it is measured on — with
 * `complaints.complaint.deadlines_recomputed`: the complainant's due date may have moved, and subscribers are
 * told so.
 *
 * @throws RuleViolation (RULES-1) when the complaint's rule set version is not among `rules.ruleSets`.
 * @example
 * const loaded = WorkingDayCalendar.builtin().withYear(schedule2027);
 * const recomputed = recomputeDeadlines(complaint, { ruleSets: [XINZHOU_2024], calendar: loaded });
 * if (recomputed.state !== complaint) await repository.save(recomputed, complaint.version);
 */
export function recomputeDeadlines(complaint: Complaint, rules: ComplaintRules): Changed<Complaint> {
  const deadlines = computeDeadlines(deadlineInputOf(complaint), ruleSetOf(complaint, rules.ruleSets), rules.calendar);
  if (sameDeadlines(deadlines, complaint.deadlines)) return { state: complaint, events: [] };
  const state: Complaint = { ...complaint, deadlines, version: complaint.version + 1 };
  return { state, events: [complaintEventOf(complaintEvents.deadlinesRecomputed, state)] };
}

/**
 * Whether the complaint still awaits its reply: OPEN, or ESCALATED (for being overdue) before any reply.
 * A reply, once given, stops both clocks.
 */
export function awaitsReply(complaint: Pick<Complaint, 'status' | 'reply'>): boolean {
  return complaint.reply === undefined && (complaint.status === 'OPEN' || complaint.status === 'ESCALATED');
}

/**
 * CMP-2..4, CMP-8: whether the complaint is overdue on `today` (Asia/Shanghai): it still awaits its reply and
 * the binding due date has passed. The due date itself is still on time. The daily sweep and the `overdue`
 * list filter use this one definition.
 *
 * Takes the reply rather than only the status because an ESCALATED complaint may or may not have been
 * answered, and only an unanswered one is overdue.
 *
 * @example
 * isOverdue(complaint, '2024-10-12'); // false — due on 2024-10-12
 * isOverdue(complaint, '2024-10-13'); // true, unless replied
 */
export function isOverdue(
  complaint: Pick<Complaint, 'deadlines' | 'status' | 'reply'>,
  today: LocalDate,
): boolean {
  return awaitsReply(complaint) && compareLocalDates(today, complaint.deadlines.binding.dueOn) > 0;
}

/**
 * CMP-2..4, CMP-8: whether the reply came after the binding due date (its Asia/Shanghai day later than
 * `binding.dueOn`) — for the regulators' timeliness figures; `false` while there is no reply (see
 * {@link isOverdue} for that).
 *
 * @example
 * isRepliedLate(replied); // true when replied on 2024-10-13 to a complaint due on 2024-10-12
 */
export function isRepliedLate(complaint: Pick<Complaint, 'deadlines' | 'reply'>): boolean {
  return (
    complaint.reply !== undefined &&
    compareLocalDates(shanghaiDateOf(complaint.reply.repliedAt), complaint.deadlines.binding.dueOn) > 0
  );
}

/**
 * CMP-2..4, CMP-8: the daily run's report of a complaint that went past its binding due date without a reply:
 * the next version of the complaint (nothing else about it changes) and `complaints.complaint.overdue`, or
 * `undefined` when it is not overdue on `today`. The repository records the report once per complaint.
 *
 * @example
 * const report = reportOverdue(complaint, '2024-10-13');
 * if (report) await sweeps.recordOverdue(report, complaint.version, '2024-10-13');
 */
export function reportOverdue(complaint: Complaint, today: LocalDate): Changed<Complaint> | undefined {
  if (!isOverdue(complaint, today)) return undefined;
  const state = { ...complaint, version: complaint.version + 1 };
  return { state, events: [complaintEventOf(complaintEvents.overdue, state)] };
}
