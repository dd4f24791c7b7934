import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaleVersion } from '../../../domain/kernel/errors.js';
import { overviewOf } from '../../../domain/supervision/counters-overview.js';
import { addContribution, withoutZeros } from '../../../domain/supervision/counters.js';
import type { Contribution } from '../../../domain/supervision/counters.js';
import type { CountedSubject, StoredContribution, SupervisionCountersRepository } from '../../../domain/supervision/counters.repository.js';
import { projectCounters, sweepSupervisionEdges } from '../../../functions/projections/supervision-counters.js';
import type { CountedEvent, CountedSources } from '../../../functions/projections/supervision-counters.js';

/**
 * Issue 14: the overview's counters equal a recomputation from the records, whatever the bus does — events
 * delivered twice, late, out of order, or handled concurrently (the projection reads each record as it is now
 * and adds only the difference from what it last took, under optimistic locking).
 */

const TODAY = '2026-06-15';
const TENANTS = ['picc', 'pingan'] as const;
const COUNTIES = ['140902', '140981'] as const;
const DAYS = ['2025-12-20', '2026-01-10', '2026-06-14', '2026-06-15', '2026-06-16', '2026-12-31', '2027-01-05'] as const;

/** A record as the sources hold it: only the fields the contributions read (the rest is not looked at). */
type ServiceRecord = Record<string, unknown> & { tenantId: string };
type Kind = 'service' | 'hazard' | 'complaint' | 'fee-year';

const day = fc.constantFrom(...DAYS);
const tenant = fc.constantFrom(...TENANTS);
const county = fc.constantFrom(...COUNTIES);

/** SVC-8/SVC-9: a service somewhere in its life. */
const service = fc
  .record({
    tenantId: tenant,
    county,
    stage: fc.constantFrom('SCHEDULED', 'COMPLETED', 'FOLLOWED_UP', 'CONFIRMED', 'ARCHIVED', 'CANCELLED'),
    followUpDue: day,
    archiveDue: day,
    followUpLate: fc.boolean(),
    archiveLate: fc.boolean(),
  })
  .map((s) => {
    const completed = s.stage !== 'SCHEDULED' && s.stage !== 'CANCELLED';
    const followedUp = s.stage === 'FOLLOWED_UP' || s.stage === 'CONFIRMED' || s.stage === 'ARCHIVED';
    return {
      tenantId: s.tenantId,
      enterprise: { county: s.county },
      status: s.stage,
      ...(completed ? { deadlines: { followUp: { dueOn: s.followUpDue, provisional: false }, archive: { dueOn: s.archiveDue, provisional: false } } } : {}),
      ...(followedUp ? { followUp: { late: s.followUpLate, at: '2026-01-01T00:00:00Z' } } : {}),
      ...(s.stage === 'ARCHIVED' ? { archive: { late: s.archiveLate, archivedOn: s.archiveDue } } : {}),
    };
  });

/** SVC-7: a hazard, major or general, open or verified. */
const hazard = fc
  .record({ tenantId: tenant, county, grade: fc.constantFrom('GENERAL', 'MAJOR'), status: fc.constantFrom('OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'), rectifyBy: day, planDue: fc.option(day, { nil: undefined }), foundOn: fc.constantFrom('2025-12-01', '2026-03-01') })
  .map((h) => ({
    tenantId: h.tenantId,
    enterprise: { county: h.county },
    grade: h.grade,
    foundOn: h.foundOn,
    status: h.status,
    rectifyBy: h.rectifyBy,
    ...(h.planDue ? { rectification: { dueOn: h.planDue } } : {}),
  }));

/** CMP: a complaint, replied (on some day) or not, escalated or not; its county unknown now and then. */
const complaint = fc
  .record({ tenantId: tenant, county: fc.option(county, { nil: undefined }), dueOn: day, repliedOn: fc.option(day, { nil: undefined }), escalated: fc.boolean() })
  .map((c) => ({
    tenantId: c.tenantId,
    ...(c.county ? { county: c.county } : {}),
    deadlines: { binding: { dueOn: c.dueOn, clock: 'WORKING_DAY', provisional: false } },
    // 01:00 Shanghai time is the day before in UTC: the reply's day is Shanghai's.
    ...(c.repliedOn ? { reply: { repliedAt: `${c.repliedOn}T01:00:00+08:00` } } : {}),
    ...(c.escalated ? { escalation: { to: 'EMB', at: '2026-01-01T00:00:00Z', reason: '不满意' } } : {}),
  }));

/** FEE-4: a fee year's counters. */
const feeYear = fc.record({ premiumExTaxFen: fc.nat(10_000_000), accruedFen: fc.nat(2_000_000), spentFen: fc.nat(3_000_000) });

/** A history: subjects, each with the states it goes through (the last one is where it ends). */
const history = fc.record({
  services: fc.array(fc.array(service, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
  hazards: fc.array(fc.array(hazard, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
  complaints: fc.array(fc.array(complaint, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
  fees: fc.array(fc.record({ tenantId: tenant, states: fc.array(feeYear, { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
});

/** The counters' store in memory, behaving like the adapter: one atomic step per apply, guarded by revision. */
class MemoryCounters implements SupervisionCountersRepository {
  readonly subjects = new Map<string, StoredContribution & { subject: CountedSubject }>();
  cellsNow: Contribution = {};

  async contributionOf(subject: CountedSubject): Promise<StoredContribution | undefined> {
    await Promise.resolve();
    return this.subjects.get(`${subject.kind}|${subject.tenantId}|${subject.id}`);
  }

  async apply(subject: CountedSubject, expectedRevision: number | undefined, contribution: Contribution, delta: Contribution, nextEdge?: string): Promise<void> {
    await Promise.resolve();
    const key = `${subject.kind}|${subject.tenantId}|${subject.id}`;
    if (this.subjects.get(key)?.revision !== expectedRevision) throw new StaleVersion('subject');
    this.subjects.set(key, { subject, contribution, revision: (expectedRevision ?? 0) + 1, ...(nextEdge ? { nextEdge } : {}) });
    this.cellsNow = addContribution(this.cellsNow, delta);
  }

  async edgesDue(today: string): Promise<{ items: CountedSubject[] }> {
    return { items: [...this.subjects.values()].filter((stored) => stored.nextEdge !== undefined && stored.nextEdge <= today).map((stored) => stored.subject) };
  }

  async cells(): Promise<Contribution> {
    return this.cellsNow;
  }
}

/** The records as they are now, read by the projection like the repositories would. */
function sourcesOver(records: Map<string, unknown>): CountedSources {
  const read = async (kind: Kind, tenantId: string, id: string) => {
    await Promise.resolve();
    return records.get(`${kind}|${tenantId}|${id}`) as never;
  };
  return {
    policies: { get: async () => undefined },
    plans: { getPlan: async () => undefined },
    services: { getService: (t, id) => read('service', t, id), servicesOfPolicy: async () => [] },
    hazards: { getHazard: (t, id) => read('hazard', t, id) },
    complaints: { get: (t, id) => read('complaint', t, id) },
    claims: { get: async () => undefined },
    fees: { year: (t, year) => read('fee-year', t, String(year)) },
    ruleSets: { versions: async () => [] },
  };
}

const EVENT_TYPE: Record<Kind, string> = {
  service: 'services.service.completed',
  hazard: 'services.hazard.rectified',
  complaint: 'complaints.complaint.replied',
  'fee-year': 'fees.entry.booked',
};

interface Change {
  readonly key: string;
  readonly state: unknown;
  readonly event: CountedEvent;
}

/** Every change of every subject, each with the event it raises. */
function changesOf(h: HistoryValue): Change[][] {
  const perSubject: Change[][] = [];
  const add = (kind: Kind, tenantId: string, id: string, states: readonly unknown[]) => {
    perSubject.push(
      states.map((state) => ({
        key: `${kind}|${tenantId}|${id}`,
        state,
        event: { type: EVENT_TYPE[kind], tenantId, aggregateId: kind === 'fee-year' ? `${tenantId}-2026` : id, data: kind === 'fee-year' ? { year: 2026 } : {} },
      })),
    );
  };
  h.services.forEach((states, i) => add('service', (states[0] as ServiceRecord).tenantId, `s${i}`, states.map((s) => ({ ...s, tenantId: (states[0] as ServiceRecord).tenantId }))));
  h.hazards.forEach((states, i) => add('hazard', states[0]!.tenantId, `h${i}`, states.map((s) => ({ ...s, tenantId: states[0]!.tenantId }))));
  h.complaints.forEach((states, i) => add('complaint', states[0]!.tenantId, `c${i}`, states.map((s) => ({ ...s, tenantId: states[0]!.tenantId }))));
  const seenFeeTenants = new Set<string>();
  for (const fee of h.fees) {
    if (seenFeeTenants.has(fee.tenantId)) continue;
    seenFeeTenants.add(fee.tenantId);
    add('fee-year', fee.tenantId, '2026', fee.states);
  }
  return perSubject;
}
type HistoryValue = {
  services: Record<string, unknown>[][];
  hazards: (Record<string, unknown> & { tenantId: string })[][];
  complaints: (Record<string, unknown> & { tenantId: string })[][];
  fees: { tenantId: string; states: Record<string, number>[] }[];
};

/** What the figures must be, counted straight from the records as they ended — no counters involved. */
function recount(records: Map<string, unknown>, today: string) {
  const by = (kind: Kind) => [...records.entries()].filter(([key]) => key.startsWith(`${kind}|`)).map(([, record]) => record);
  const inYear = (date: string) => date.startsWith('2026-');
  let fuDue = 0, fuOnTime = 0, fuLate = 0, fuOverdue = 0, arDue = 0, arOnTime = 0, arLate = 0, arOverdue = 0;
  for (const s of by('service') as { status: string; deadlines?: { followUp: { dueOn: string }; archive: { dueOn: string } }; followUp?: { late: boolean }; archive?: { late: boolean } }[]) {
    if (!s.deadlines || s.status === 'CANCELLED') continue;
    if (inYear(s.deadlines.followUp.dueOn)) {
      fuDue += 1;
      if (s.followUp) s.followUp.late ? (fuLate += 1) : (fuOnTime += 1);
      else if (s.status !== 'ARCHIVED' && s.deadlines.followUp.dueOn < today) fuOverdue += 1;
    }
    if (inYear(s.deadlines.archive.dueOn)) {
      arDue += 1;
      if (s.archive) s.archive.late ? (arLate += 1) : (arOnTime += 1);
      else if (s.deadlines.archive.dueOn < today) arOverdue += 1;
    }
  }
  let open = 0, hzOverdue = 0;
  for (const h of by('hazard') as { grade: string; status: string; rectifyBy: string; rectification?: { dueOn: string } }[]) {
    const due = h.rectification?.dueOn ?? h.rectifyBy;
    // SVC-7: an open major hazard is a figure of the current year, whenever it falls due.
    if (h.grade !== 'MAJOR' || h.status === 'VERIFIED' || !inYear(today)) continue;
    open += 1;
    if (due < today) hzOverdue += 1;
  }
  let received = 0, onTime = 0, late = 0, overdue = 0, escalated = 0;
  for (const c of by('complaint') as { deadlines: { binding: { dueOn: string } }; reply?: { repliedAt: string }; escalation?: unknown }[]) {
    const due = c.deadlines.binding.dueOn;
    if (!inYear(due)) continue;
    received += 1;
    if (c.reply) c.reply.repliedAt.slice(0, 10) <= due ? (onTime += 1) : (late += 1);
    else if (due < today) overdue += 1;
    if (c.escalation) escalated += 1;
  }
  const spentFen = (by('fee-year') as { spentFen: number }[]).reduce((sum, f) => sum + f.spentFen, 0);
  return {
    followUps: { due: fuDue, onTime: fuOnTime, late: fuLate, overdue: fuOverdue },
    archives: { due: arDue, onTime: arOnTime, late: arLate, overdue: arOverdue },
    majorHazards: { open, overdue: hzOverdue },
    complaints: { due: received, onTime, late, overdue, escalated },
    spentFen,
  };
}

describe('issue 14: the supervision counters under an unreliable bus', () => {
  it('SVC-7 SVC-8 SVC-9 CMP-2 CMP-6 FEE-4 the cells equal a recount from the records after duplicates, reordering and concurrent handling, and on a later day after the daily run', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.infiniteStream(fc.nat(1_000)), async (h, randomness) => {
        const perSubject = changesOf(h as unknown as HistoryValue);
        const records = new Map<string, unknown>();
        const counters = new MemoryCounters();
        const sources = sourcesOver(records);
        const now = new Date(`${TODAY}T04:00:00Z`);
        const next = (() => {
          const iterator = randomness[Symbol.iterator]();
          return (n: number) => (n <= 0 ? 0 : (iterator.next().value as number) % n);
        })();
        // Changes happen in a random interleaving of the subjects (each subject's own in order); every change
        // puts its event on the bus, and deliveries — one to three at once, concurrently, a delivered event
        // possibly again later — run between changes.
        const pending = perSubject.map((changes) => [...changes]);
        const bus: CountedEvent[] = [];
        const deliver = async () => {
          const batch = Array.from({ length: 1 + next(3) }, () => bus[next(bus.length)]).filter((event): event is CountedEvent => event !== undefined);
          await Promise.all(batch.map((event) => projectCounters(event, sources, counters, now)));
        };
        while (pending.some((changes) => changes.length > 0)) {
          const candidates = pending.filter((changes) => changes.length > 0);
          const change = candidates[next(candidates.length)]!.shift() as Change;
          records.set(change.key, change.state);
          bus.push(change.event);
          if (next(2) === 0) await deliver();
        }
        // At least once after the last change: every event once more, in a shuffled order, some twice.
        const finale = [...bus].sort(() => next(3) - 1);
        await Promise.all(finale.map((event) => projectCounters(event, sources, counters, now)));
        await deliver();

        // The cells are the sum of the records' contributions as they ended …
        const recomputed = new MemoryCounters();
        for (const event of bus) await projectCounters(event, sources, recomputed, now);
        expect(withoutZeros(counters.cellsNow)).toEqual(withoutZeros(recomputed.cellsNow));
        // … and the overview read from them says what a recount of the records says, today …
        const check = (cells: Contribution, today: string) => {
          const overview = overviewOf({
            year: 2026,
            today,
            cells,
            tenantIds: [...TENANTS],
            registered: { '140902': 10, '140981': 10 },
            fees: { floorBasisPoints: 1500, ceilingBasisPoints: 2100 },
          });
          const expected = recount(records, today);
          expect(overview.totals.followUps).toEqual(expected.followUps);
          expect(overview.totals.archives).toEqual(expected.archives);
          expect(overview.totals.majorHazards).toEqual(expected.majorHazards);
          expect(overview.totals.complaints).toEqual(expected.complaints);
          expect(overview.insurers.reduce((sum, row) => sum + (row.fees?.spentFen ?? 0), 0)).toBe(expected.spentFen);
        };
        check(counters.cellsNow, TODAY);
        // … and, with no event at all, on a later day once the daily run has re-evaluated the records whose
        // edge (the day after a due date) has come.
        const later = DAYS[next(DAYS.length)] as string;
        if (later > TODAY) {
          await sweepSupervisionEdges(sources, counters, new Date(`${later}T04:00:00Z`));
          check(counters.cellsNow, later);
        }
      }),
      { numRuns: 150 },
    );
  });
});
