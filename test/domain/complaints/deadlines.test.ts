import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import {
  computeDeadlines,
  isOverdue,
  isRepliedLate,
  recomputeDeadlines,
  ruleSetOf,
} from '../../../domain/complaints/deadlines.js';
import type { ComplaintDeadlines } from '../../../domain/complaints/complaint.js';
import type { DeadlineInput } from '../../../domain/complaints/deadlines.js';
import { receiveComplaint } from '../../../domain/complaints/complaint.rules.js';
import { addDays, compareLocalDates, dayOfWeek } from '../../../domain/kernel/calendar/local-date.js';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { HYPOTHETICAL_2027, INPUT, REPLY, USCC, calendar, contextAt, received, thrown } from './fixtures.js';

const NFRA_OFF: RuleSet = { ...XINZHOU_2024, nfraClockEnabled: false };
const WORKING_DAY_OFF: RuleSet = { ...XINZHOU_2024, workingDayClockEnabled: false };

function deadlines(input: DeadlineInput, ruleSet: RuleSet = XINZHOU_2024, on = calendar): ComplaintDeadlines {
  return computeDeadlines(input, ruleSet, on);
}

describe('complaint deadlines: the notice example of 2024-09-27', () => {
  // Received Friday 2024-09-27, just before 国庆 2024 (October 1–7 off; Sunday 9-29 and Saturday 10-12 worked).
  it.each([
    {
      title: 'CMP-2 10 working days → 2024-10-16; CMP-8 15 calendar days → 2024-10-12 binds',
      ruleSet: XINZHOU_2024,
      needsVerification: false,
      expected: {
        workingDay: { dueOn: '2024-10-16', provisional: false, basis: 'CMP-2' },
        nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
      },
    },
    {
      title: 'CMP-3 with verification the working-day clock is 2024-11-13, the NFRA clock still binds',
      ruleSet: XINZHOU_2024,
      needsVerification: true,
      expected: {
        workingDay: { dueOn: '2024-11-13', provisional: false, basis: 'CMP-3' },
        nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
      },
    },
    {
      title: 'CMP-8 with the NFRA clock switched off the binding date flips to the working day 2024-10-16',
      ruleSet: NFRA_OFF,
      needsVerification: false,
      expected: {
        workingDay: { dueOn: '2024-10-16', provisional: false, basis: 'CMP-2' },
        binding: { dueOn: '2024-10-16', clock: 'WORKING_DAY', provisional: false },
      },
    },
    {
      title: 'CMP-8 with the NFRA clock off and verification the binding date is 2024-11-13',
      ruleSet: NFRA_OFF,
      needsVerification: true,
      expected: {
        workingDay: { dueOn: '2024-11-13', provisional: false, basis: 'CMP-3' },
        binding: { dueOn: '2024-11-13', clock: 'WORKING_DAY', provisional: false },
      },
    },
    {
      title: 'CMP-8 with the working-day clock off only the NFRA clock is left, verification or not',
      ruleSet: WORKING_DAY_OFF,
      needsVerification: true,
      expected: {
        nfra: { dueOn: '2024-10-12', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
      },
    },
  ])('$title', ({ ruleSet, needsVerification, expected }) => {
    expect(deadlines({ receivedOn: '2024-09-27', needsVerification }, ruleSet)).toEqual(expected);
  });

  it('CMP-8 received 2026-02-10: 10 working days 2026-03-02, 15 calendar days 2026-02-25 (binding)', () => {
    expect(deadlines({ receivedOn: '2026-02-10', needsVerification: false })).toEqual({
      workingDay: { dueOn: '2026-03-02', provisional: false, basis: 'CMP-2' },
      nfra: { dueOn: '2026-02-25', provisional: false, basis: 'CMP-8' },
      binding: { dueOn: '2026-02-25', clock: 'NFRA', provisional: false },
    });
  });

  it('CMP-8 refuses a rule set that switches both clocks off, naming CMP-8', () => {
    const error = thrown(() =>
      deadlines({ receivedOn: '2024-09-27', needsVerification: false }, { ...NFRA_OFF, workingDayClockEnabled: false }),
    );
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ ruleId: 'CMP-8', status: 409 });
  });
});

/*
 * Expected dates counted by hand, day by day, from the State Council's holiday notices (国务院办公厅关于…年部分
 * 节假日安排的通知) — the dates that matter here:
 *   2024 (国办发明电〔2023〕7号): 春节 Feb 10–17 off, Sun Feb 4 and Sun Feb 18 worked (除夕 Feb 9 a working day);
 *        中秋 Sep 15–17 off, Sat Sep 14 worked; 国庆 Oct 1–7 off, Sun Sep 29 and Sat Oct 12 worked.
 *   2025 (国办发明电〔2024〕12号): 元旦 Jan 1; 春节 Jan 28–Feb 4 off, Sun Jan 26 and Sat Feb 8 worked;
 *        国庆·中秋 Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked.
 *   2026 (the notice of November 2025): 春节 Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked; 中秋 Sep 25–27
 *        off; 国庆 Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked.
 * "W3" below is the third working day after receipt (CMP-7: the day of receipt is not counted).
 */
describe('complaint deadlines across the holiday seasons of 2024–2026', () => {
  it.each<[LocalDate, LocalDate, LocalDate, 'NFRA' | 'WORKING_DAY', string]>([
    // 2024
    ['2024-02-05', '2024-02-23', '2024-02-20', 'NFRA', '春节 2024: W4 Fri 2-9, W5 Sun 2-18 (worked); 2-20 is a Tuesday'],
    ['2024-02-03', '2024-02-21', '2024-02-18', 'NFRA', 'received Sat: W1 Sun 2-4 (worked); day 15 is Sun 2-18, worked, so it stands'],
    ['2024-09-02', '2024-09-14', '2024-09-18', 'WORKING_DAY', '中秋 2024: W10 is Sat 9-14 (worked); day 15 is 9-17 (off) → 9-18'],
    ['2024-09-30', '2024-10-18', '2024-10-15', 'NFRA', '国庆 2024: W1 10-8, W5 Sat 10-12 (worked), W10 10-18'],
    ['2024-11-04', '2024-11-18', '2024-11-19', 'WORKING_DAY', 'an ordinary fortnight: W10 Mon 11-18, day 15 Tue 11-19'],
    ['2024-12-31', '2025-01-15', '2025-01-15', 'WORKING_DAY', '元旦 2025 off; both clocks end 1-15, and a tie goes to the working day'],
    // 2025
    ['2025-01-20', '2025-02-08', '2025-02-05', 'NFRA', '春节 2025: day 15 is 2-4 (off) → 2-5; W5 Sun 1-26, W10 Sat 2-8 (both worked)'],
    ['2025-01-24', '2025-02-13', '2025-02-08', 'NFRA', '春节 2025: W1 Sun 1-26, W3 2-5; day 15 Sat 2-8 is worked, so it stands'],
    ['2025-01-27', '2025-02-17', '2025-02-11', 'NFRA', '春节 2025: W1 2-5, W4 Sat 2-8, W10 Mon 2-17'],
    ['2025-09-20', '2025-10-10', '2025-10-09', 'NFRA', 'received Sat before 国庆 2025: day 15 is 10-5 (off) → 10-9; W6 Sun 9-28'],
    ['2025-09-26', '2025-10-16', '2025-10-11', 'NFRA', '国庆 2025: W1 Sun 9-28, W4 10-9, W6 Sat 10-11 (worked)'],
    // 2026
    ['2026-02-08', '2026-02-27', '2026-02-24', 'NFRA', 'received Sun: W1 Mon 2-9, W6 Sat 2-14; day 15 is 2-23 (off) → 2-24'],
    ['2026-02-13', '2026-03-05', '2026-02-28', 'NFRA', '春节 2026: W1 Sat 2-14, W2 2-24, W6 Sat 2-28; day 15 Sat 2-28 is worked'],
    ['2026-09-18', '2026-10-09', '2026-10-08', 'NFRA', '中秋·国庆 2026: W1 Sun 9-20; day 15 is 10-3 (off) → 10-8'],
    ['2026-09-28', '2026-10-16', '2026-10-13', 'NFRA', '国庆 2026: W3 10-8, W5 Sat 10-10 (worked), W10 10-16'],
  ])('CMP-7 CMP-8 received %s → working day %s, NFRA %s, %s binds (%s)', (receivedOn, workingDay, nfra, clock) => {
    const result = deadlines({ receivedOn, needsVerification: false });
    expect(result.workingDay).toEqual({ dueOn: workingDay, provisional: false, basis: 'CMP-2' });
    expect(result.nfra).toEqual({ dueOn: nfra, provisional: false, basis: 'CMP-8' });
    expect(result.binding).toEqual({ dueOn: clock === 'NFRA' ? nfra : workingDay, clock, provisional: false });
  });

  it('CMP-7 a complaint received on a Sunday counts day 1 from the next working day', () => {
    // Sunday 2026-02-08: day 1 is Monday 2-09, so 10 working days end on Friday 2-27 (春节 2-15..2-23 skipped).
    expect(dayOfWeek('2026-02-08')).toBe(0);
    expect(calendar.addWorkingDays('2026-02-08', 1)).toEqual({ date: '2026-02-09', provisional: false });
    expect(deadlines({ receivedOn: '2026-02-08', needsVerification: false }).workingDay?.dueOn).toBe('2026-02-27');
    // The same as receiving it on the Saturday before, or on that Monday's eve: the rest day adds nothing.
    expect(deadlines({ receivedOn: '2026-02-07', needsVerification: false }).workingDay?.dueOn).toBe('2026-02-27');
  });
});

describe('complaint deadlines: the CMP-4 extension', () => {
  it.each<[LocalDate, boolean, number, LocalDate, string]>([
    ['2024-09-27', false, 30, '2024-11-15', '10-16 + 30 = Fri 11-15'],
    ['2024-09-27', true, 30, '2024-12-13', 'with verification: 11-13 + 30 = Fri 12-13'],
    ['2024-09-27', false, 1, '2024-10-17', '10-16 + 1 = Thu 10-17'],
    ['2024-09-27', false, 3, '2024-10-21', '10-16 + 3 = Sat 10-19, a rest day → Mon 10-21 (Civil Code art. 203)'],
    ['2025-09-01', false, 16, '2025-10-09', 'Mon 9-15 + 16 = 10-1, inside 国庆 2025 (10-1..10-8) → Thu 10-9'],
  ])('CMP-4 received %s (verification %s) extended %i days → %s (%s)', (receivedOn, needsVerification, days, dueOn) => {
    expect(deadlines({ receivedOn, needsVerification, extensionDays: days }).workingDay).toEqual({
      dueOn,
      provisional: false,
      basis: 'CMP-4',
    });
  });

  it.each<[number, LocalDate, string]>([
    [3, '2024-10-15', '15 + 3 = 18 days: Tue 10-15'],
    [5, '2024-10-17', '15 + 5 = 20 days: Thu 10-17'],
    [15, '2024-10-28', '15 + 15 = 30 days: Sun 10-27 → Mon 10-28'],
    [30, '2024-10-28', '15 + 30 = 45, capped at the 30-day figure: 10-28'],
  ])('CMP-8 one extension of %i days moves the NFRA clock to %s (%s)', (days, dueOn) => {
    expect(deadlines({ receivedOn: '2024-09-27', needsVerification: false, extensionDays: days }).nfra).toEqual({
      dueOn,
      provisional: false,
      basis: 'CMP-8',
    });
  });

  it('CMP-8 the NFRA clock never runs past the maximum, whatever the extended figure', () => {
    const generous: RuleSet = { ...XINZHOU_2024, nfraExtensionCalendarDays: 60, nfraMaxTotalCalendarDays: 60 };
    // 15 + 30 = 45 days after 2024-09-27 is Monday 11-11.
    expect(deadlines({ receivedOn: '2024-09-27', needsVerification: false, extensionDays: 30 }, generous).nfra?.dueOn).toBe(
      '2024-11-11',
    );
    // A set whose extended figure exceeds its maximum (the schema refuses one, this guards the arithmetic): 40.
    const inconsistent: RuleSet = { ...generous, nfraMaxTotalCalendarDays: 40 };
    expect(
      deadlines({ receivedOn: '2024-09-27', needsVerification: false, extensionDays: 30 }, inconsistent).nfra?.dueOn,
    ).toBe('2024-11-06');
  });

  it('CMP-4 CMP-8 with a 30-day extension the NFRA clock still binds: 2024-10-28 before 2024-11-15', () => {
    expect(deadlines({ receivedOn: '2024-09-27', needsVerification: false, extensionDays: 30 }).binding).toEqual({
      dueOn: '2024-10-28',
      clock: 'NFRA',
      provisional: false,
    });
  });
});

describe('complaint deadlines: provisional years (CAL-2)', () => {
  it('CAL-2 a 2027 receipt comes back provisional, then final once the 2027 schedule is loaded', () => {
    // Wednesday 2027-02-03, just before 春节 2027. Unknown year: only 除夕..初三 (2-5..2-8) and weekends rest,
    // so W1 is 2-4, W2 2-9 … W10 Fri 2-19; day 15 is Thu 2-18.
    const provisional = deadlines({ receivedOn: '2027-02-03', needsVerification: false });
    expect(provisional).toEqual({
      workingDay: { dueOn: '2027-02-19', provisional: true, basis: 'CMP-2' },
      nfra: { dueOn: '2027-02-18', provisional: true, basis: 'CMP-8' },
      binding: { dueOn: '2027-02-18', clock: 'NFRA', provisional: true },
    });
    // The loaded schedule rests 2-5..2-11 and works Saturday 2-13: W1 2-4, W2 2-12, W3 Sat 2-13 … W10 Tue 2-23.
    const loaded = calendar.withYear(HYPOTHETICAL_2027);
    expect(deadlines({ receivedOn: '2027-02-03', needsVerification: false }, XINZHOU_2024, loaded)).toEqual({
      workingDay: { dueOn: '2027-02-23', provisional: false, basis: 'CMP-2' },
      nfra: { dueOn: '2027-02-18', provisional: false, basis: 'CMP-8' },
      binding: { dueOn: '2027-02-18', clock: 'NFRA', provisional: false },
    });
  });

  it('CAL-2 recomputeDeadlines makes a stored 2027 complaint final, and changes nothing twice', () => {
    const { state: complaint } = receiveComplaint(
      { ...INPUT, receivedAt: '2027-02-03T10:00:00+08:00' },
      contextAt('2027-02-03T03:00:00Z'),
    );
    expect(complaint.deadlines.binding.provisional).toBe(true);
    expect(recomputeDeadlines(complaint, { ruleSets: [XINZHOU_2024], calendar })).toEqual({ state: complaint, events: [] });
    expect(recomputeDeadlines(complaint, { ruleSets: [XINZHOU_2024], calendar }).state).toBe(complaint);

    const rules = { ruleSets: [XINZHOU_2024], calendar: calendar.withYear(HYPOTHETICAL_2027) };
    const { state: recomputed } = recomputeDeadlines(complaint, rules);
    expect(recomputed).toEqual({
      ...complaint,
      deadlines: {
        workingDay: { dueOn: '2027-02-23', provisional: false, basis: 'CMP-2' },
        nfra: { dueOn: '2027-02-18', provisional: false, basis: 'CMP-8' },
        binding: { dueOn: '2027-02-18', clock: 'NFRA', provisional: false },
      },
      version: 2,
    });
    expect(recomputed.timeline).toEqual(complaint.timeline);
    expect(recomputeDeadlines(recomputed, rules).state).toBe(recomputed);
  });

  it('CAL-2 the binding date is final when only a clock that cannot come first is provisional', () => {
    // Thursday 2026-12-17: W10 is Thu 12-31 (final); day 15 is 2027-01-01, so the NFRA clock is provisional,
    // but it can end no earlier than 2027-01-01, after 12-31: the binding date cannot move.
    expect(deadlines({ receivedOn: '2026-12-17', needsVerification: false })).toEqual({
      workingDay: { dueOn: '2026-12-31', provisional: false, basis: 'CMP-2' },
      nfra: { dueOn: '2027-01-04', provisional: true, basis: 'CMP-8' },
      binding: { dueOn: '2026-12-31', clock: 'WORKING_DAY', provisional: false },
    });
    // A day later both clocks reach into 2027 and the binding date is provisional.
    expect(deadlines({ receivedOn: '2026-12-18', needsVerification: false }).binding).toEqual({
      dueOn: '2027-01-04',
      clock: 'WORKING_DAY',
      provisional: true,
    });
  });

  it('RULES-1 recomputing needs the rule set version the complaint was received under', () => {
    const complaint = received();
    const error = thrown(() => recomputeDeadlines(complaint, { ruleSets: [{ ...XINZHOU_2024, version: 2 }], calendar }));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ ruleId: 'RULES-1' });
    expect(ruleSetOf(complaint, [XINZHOU_2024])).toBe(XINZHOU_2024);
  });
});

describe('overdue and late replies', () => {
  const complaint = received(); // binding due 2024-10-12 (NFRA)
  const replied = (repliedAt: string): Complaint => ({
    ...complaint,
    status: 'REPLIED',
    reply: { ...REPLY, repliedAt, repliedBy: 'staff-1' },
  });

  it.each([
    ['OPEN', undefined, '2024-10-11', false],
    ['OPEN', undefined, '2024-10-12', false],
    ['OPEN', undefined, '2024-10-13', true],
    ['REPLIED', '2024-10-14T02:00:00Z', '2024-10-20', false],
    ['ESCALATED', undefined, '2024-10-20', true],
    ['ESCALATED', '2024-10-14T02:00:00Z', '2024-10-20', false],
    ['ACCEPTED', '2024-10-10T02:00:00Z', '2024-10-20', false],
  ] as const)('CMP-8 a complaint %s (replied %s) is overdue on %s: %s', (status, repliedAt, today, overdue) => {
    const subject: Complaint =
      repliedAt === undefined ? { ...complaint, status } : { ...replied(repliedAt), status };
    expect(isOverdue(subject, today)).toBe(overdue);
  });

  it('CMP-8 a reply is late when its Shanghai day is after the binding due date', () => {
    expect(isRepliedLate(complaint)).toBe(false);
    expect(isRepliedLate(replied('2024-10-12T15:59:59Z'))).toBe(false); // 23:59:59 on 10-12 in Xinzhou
    expect(isRepliedLate(replied('2024-10-12T16:00:00Z'))).toBe(true); // 00:00 on 10-13
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const FIRST = '2004-01-01';
/** Days from 2004-01-01 to the end of 2030: shipped years, and four provisional ones after them. */
const SPAN = 9861;
const anyDay = fc.integer({ min: 0, max: SPAN }).map((offset) => addDays(FIRST, offset));

/** A rule set with arbitrary (schema-valid) clock figures and at least one clock switched on. */
const anyRuleSet: fc.Arbitrary<RuleSet> = fc
  .record({
    reply: fc.integer({ min: 1, max: 20 }),
    extraVerification: fc.integer({ min: 0, max: 30 }),
    nfra: fc.integer({ min: 1, max: 30 }),
    extraExtension: fc.integer({ min: 0, max: 30 }),
    extraMax: fc.integer({ min: 0, max: 30 }),
    clocks: fc.constantFrom([true, true], [true, false], [false, true]),
  })
  .map(({ reply, extraVerification, nfra, extraExtension, extraMax, clocks }) => ({
    ...XINZHOU_2024,
    complaintReplyWorkingDays: reply,
    complaintVerificationWorkingDays: reply + extraVerification,
    nfraDecisionCalendarDays: nfra,
    nfraExtensionCalendarDays: nfra + extraExtension,
    nfraMaxTotalCalendarDays: nfra + extraExtension + extraMax,
    workingDayClockEnabled: clocks[0] ?? true,
    nfraClockEnabled: clocks[1] ?? true,
  }));

const anyFacts = fc.record({
  needsVerification: fc.boolean(),
  extensionDays: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});

function inputOf(receivedOn: LocalDate, facts: { needsVerification: boolean; extensionDays: number | undefined }): DeadlineInput {
  return facts.extensionDays === undefined
    ? { receivedOn, needsVerification: facts.needsVerification }
    : { receivedOn, needsVerification: facts.needsVerification, extensionDays: facts.extensionDays };
}

/** A 2027 schedule of any shape the loader accepts: some holidays, some weekend days made working. */
const any2027: fc.Arbitrary<WorkingDayCalendar> = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
    worked: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 12 }),
  })
  .map(({ holidays, worked }) => {
    const holidayDates = holidays.map((offset) => addDays('2027-01-01', offset));
    const workedWeekendDates = worked
      .map((offset) => addDays('2027-01-01', offset))
      .filter((date) => (dayOfWeek(date) === 0 || dayOfWeek(date) === 6) && !holidayDates.includes(date));
    return calendar.withYear({ year: 2027, holidays: holidayDates, adjustedWorkdays: workedWeekendDates, source: 'loaded' });
  });

describe('complaint deadline properties', () => {
  it('CMP-8 the binding date is one of the enabled clocks and no later than any of them', () => {
    fc.assert(
      fc.property(anyDay, anyFacts, anyRuleSet, (receivedOn, facts, ruleSet) => {
        const result = deadlines(inputOf(receivedOn, facts), ruleSet);
        const enabled = [result.workingDay?.dueOn, result.nfra?.dueOn].filter((date) => date !== undefined);
        expect(enabled.length).toBe(Number(ruleSet.workingDayClockEnabled) + Number(ruleSet.nfraClockEnabled));
        expect(enabled).toContain(result.binding.dueOn);
        for (const dueOn of enabled) expect(compareLocalDates(result.binding.dueOn, dueOn)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('CMP-7 CMP-8 every due date is a working day at least the counted days after receipt', () => {
    fc.assert(
      fc.property(anyDay, anyFacts, anyRuleSet, (receivedOn, facts, ruleSet) => {
        const result = deadlines(inputOf(receivedOn, facts), ruleSet);
        for (const dueOn of [result.workingDay?.dueOn, result.nfra?.dueOn, result.binding.dueOn]) {
          if (dueOn === undefined) continue;
          expect(compareLocalDates(dueOn, addDays(receivedOn, 1))).toBeGreaterThanOrEqual(0);
          expect(calendar.isWorkingDay(dueOn).working).toBe(true);
        }
        if (result.workingDay !== undefined) {
          const counted =
            (facts.needsVerification ? ruleSet.complaintVerificationWorkingDays : ruleSet.complaintReplyWorkingDays) +
            (facts.extensionDays ?? 0);
          expect(compareLocalDates(result.workingDay.dueOn, addDays(receivedOn, counted))).toBeGreaterThanOrEqual(0);
        }
        if (result.nfra !== undefined) {
          const counted = ruleSet.nfraDecisionCalendarDays;
          expect(compareLocalDates(result.nfra.dueOn, addDays(receivedOn, counted))).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('CMP-7 a later receipt, verification or a longer extension never brings a due date forward', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 60 }), anyFacts, (receivedOn, later, facts) => {
        const first = deadlines(inputOf(receivedOn, facts));
        const second = deadlines(inputOf(addDays(receivedOn, later), facts));
        expect(compareLocalDates(first.binding.dueOn, second.binding.dueOn)).toBeLessThanOrEqual(0);
        const more = deadlines(
          inputOf(receivedOn, { needsVerification: true, extensionDays: Math.min(30, (facts.extensionDays ?? 0) + 1) }),
        );
        expect(compareLocalDates(first.binding.dueOn, more.binding.dueOn)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('CAL-2 a date marked final does not move when the missing year is loaded, whatever its schedule', () => {
    const lateIn2026 = fc.integer({ min: 0, max: 91 }).map((offset) => addDays('2026-10-01', offset));
    fc.assert(
      fc.property(lateIn2026, anyFacts, anyRuleSet, any2027, (receivedOn, facts, ruleSet, loaded) => {
        const input = inputOf(receivedOn, facts);
        const before = deadlines(input, ruleSet);
        const after = deadlines(input, ruleSet, loaded);
        expect(after.binding.provisional).toBe(false);
        if (!before.binding.provisional) expect(after.binding.dueOn).toBe(before.binding.dueOn);
        if (before.workingDay?.provisional === false) expect(after.workingDay).toEqual(before.workingDay);
        if (before.nfra?.provisional === false) expect(after.nfra).toEqual(before.nfra);
      }),
      { numRuns: 500 },
    );
  });
});

describe('complaint deadlines on a stored complaint', () => {
  it('CMP-1 a received complaint carries the deadlines of its Shanghai receipt day', () => {
    const { state: complaint } = receiveComplaint({ ...INPUT, enterpriseUscc: USCC }, contextAt('2024-09-27T02:00:00Z'));
    expect(complaint.deadlines).toEqual(deadlines({ receivedOn: '2024-09-27', needsVerification: false }));
  });
});
