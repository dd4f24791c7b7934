import type { Claim } from '../claims/claim.js';
import type { Complaint } from '../complaints/complaint.js';
import type { YearTotals } from '../fees/year-ledger.js';
import { addDays, localDate, shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { industryScope } from '../kernel/industry.js';
import type { ObligationStatus } from '../services/obligations.schema.js';
import type { Hazard } from '../services/hazard.js';
import type { PreventionService } from '../services/service.js';
import { coveragePeriodOf } from '../underwriting/coverage.js';
import type { Policy } from '../underwriting/policy.js';

/**
 * Issue 14: the supervision overview's pre-aggregated counters, as pure rules.
 *
 * Every record the overview counts (a policy with its obligations, a service, a hazard, a complaint, an
 * insurer's fee year) has a **contribution**: the figures it adds to counter cells, each cell one insurer ×
 * county × year, a fixed set of figures (so a year of cells stays a few hundred bytes per insurer and county,
 * whatever the number of records). The projection stores each record's last contribution beside the cells and,
 * on every event about the record, computes the contribution of the record as it is now and adds only the
 * difference ({@link contributionDelta}). So a redelivered or late event adds nothing (the difference is zero or
 * already applied), and the cells always equal the sum of the records' contributions: what the property test
 * checks against a recount from the records.
 *
 * A contribution is evaluated **on a day**: whether a follow-up is overdue or a policy in force depends on it.
 * Each contribution says the next day it would change by the calendar alone (`nextEdge`: the day after a due
 * date, the day a period starts or ends, January 1 for a policy in force); the daily run re-evaluates the
 * records whose edge has come (as UW-11's coverage sweep does), so the cells always say what is true today.
 *
 * Which year a figure counts in: **the year its deadline falls due** (SVC-1/SVC-2 requirement `dueBy`, SVC-8
 * follow-up, SVC-9 archive, CMP binding reply date); a policy's coverage in each year whose last day it covers and
 * in the current year while in force today; an open major hazard in the current year; a fee year in its own year.
 */

/** The county of an insurer-wide figure (the fee ledger has no county, ACL-4). */
export const ALL_COUNTIES = 'ALL';
/** A complaint whose enterprise's county is unknown (only city-level regulators see it). */
export const UNKNOWN_COUNTY = 'NONE';

/** One counter cell: an insurer × county × year. */
export interface CounterCell {
  readonly year: number;
  readonly tenantId: string;
  readonly county: string;
}

/** Figure name → count (or fen). */
export type Figures = Readonly<Record<string, number>>;

/** What one record adds, by cell (`cellKeyOf`). */
export type Contribution = Readonly<Record<string, Figures>>;

/** A record's contribution on a day, and the next day it changes by the calendar alone. */
export interface Evaluated {
  readonly contribution: Contribution;
  readonly nextEdge?: LocalDate;
}

export const cellKeyOf = (cell: CounterCell): string => `${cell.year}|${cell.tenantId}|${cell.county}`;

export function cellOfKey(key: string): CounterCell {
  const [year, tenantId, county] = key.split('|');
  return { year: Number(year), tenantId: tenantId as string, county: county as string };
}

/** Builds a contribution, adding up figures that land in the same cell, and keeps the earliest edge. */
class ContributionBuilder {
  private readonly cells: Record<string, Record<string, number>> = {};
  private edge: LocalDate | undefined;

  add(cell: CounterCell, figure: string, amount = 1): this {
    if (amount === 0) return this;
    const key = cellKeyOf(cell);
    const figures = (this.cells[key] ??= {});
    figures[figure] = (figures[figure] ?? 0) + amount;
    return this;
  }

  /** `day` is a day the contribution changes on by the calendar alone. */
  edgeOn(day: LocalDate): this {
    if (this.edge === undefined || day < this.edge) this.edge = day;
    return this;
  }

  build(): Evaluated {
    return { contribution: this.cells, ...(this.edge === undefined ? {} : { nextEdge: this.edge }) };
  }
}

/**
 * A deadline's state on `today`: still open and past due (`overdue`), still open and not yet due (counts
 * nowhere until the day after it, the edge), or done.
 */
function openItem(out: ContributionBuilder, cell: CounterCell, overdueFigure: string, dueOn: LocalDate, today: LocalDate): void {
  if (dueOn < today) out.add(cell, overdueFigure);
  else out.edgeOn(addDays(dueOn, 1));
}

// ── Contributions, one rule per kind of record ──────────────────────────────────────────────────────────────

/**
 * UW-11, SVC-1, SVC-2 — a policy (counted for its lead insurer, whose policy it is), on `today`:
 * - coverage (mandatory industries, SCOPE-2): `inForce` in the current year's cell while in force today, and in
 *   each past year's cell whose December 31 it covered — so a year's `inForce` is "in force on min(today, Dec 31)";
 * - obligations: each requirement the obligations engine lists adds `oblRequired` and `oblDone` (done capped at
 *   required: extra services at one enterprise do not make up for missing ones at another) in dueBy's year, and
 *   what is still owed past dueBy as `oblOverdue`.
 */
export function policyContribution(
  policy: Pick<Policy, 'tenantId' | 'enterprise' | 'periodStart' | 'periodEnd' | 'cancellation'>,
  obligations: Pick<ObligationStatus, 'requirements'> | undefined,
  today: LocalDate,
): Evaluated {
  const out = new ContributionBuilder();
  const county = policy.enterprise.county;
  const tenantId = policy.tenantId;
  const period = coveragePeriodOf(policy);
  if (period !== undefined && industryScope(policy.enterprise.industry) === 'MANDATORY') {
    const thisYear = yearOf(today);
    for (let year = yearOf(period.start); year < thisYear; year += 1) {
      const yearEnd = localDate(year, 12, 31);
      if (period.start <= yearEnd && yearEnd <= period.end) out.add({ year, tenantId, county }, 'inForce');
    }
    if (today < period.start) out.edgeOn(period.start);
    else if (today <= period.end) {
      out.add({ year: thisYear, tenantId, county }, 'inForce');
      const nextYear = localDate(thisYear + 1, 1, 1);
      out.edgeOn(addDays(period.end, 1) < nextYear ? addDays(period.end, 1) : nextYear);
    }
  }
  for (const requirement of obligations?.requirements ?? []) {
    const cell = { year: yearOf(requirement.dueBy), tenantId, county };
    const done = Math.min(requirement.done, requirement.required);
    out.add(cell, 'oblRequired', requirement.required).add(cell, 'oblDone', done);
    if (done < requirement.required) {
      if (requirement.dueBy < today) out.add(cell, 'oblOverdue', requirement.required - done);
      else out.edgeOn(addDays(requirement.dueBy, 1));
    }
  }
  return out.build();
}

/**
 * SVC-8, SVC-9 — a completed service: its follow-up counts in the year it falls due (`fuDue`, then `fuOnTime` or
 * `fuLate` once made, else `fuOverdue` once past due), its archive likewise (`arDue`, `arOnTime` / `arLate`,
 * `arOverdue`). A service not yet completed owes neither and adds nothing; a cancelled one was never completed.
 */
export function serviceContribution(
  service: Pick<PreventionService, 'tenantId' | 'enterprise' | 'status' | 'deadlines' | 'followUp' | 'archive'>,
  today: LocalDate,
): Evaluated {
  const out = new ContributionBuilder();
  const deadlines = service.deadlines;
  if (deadlines === undefined || service.status === 'CANCELLED') return out.build();
  const county = service.enterprise.county;
  const followUpCell = { year: yearOf(deadlines.followUp.dueOn), tenantId: service.tenantId, county };
  out.add(followUpCell, 'fuDue');
  if (service.followUp !== undefined) out.add(followUpCell, service.followUp.late ? 'fuLate' : 'fuOnTime');
  else if (service.status !== 'ARCHIVED') openItem(out, followUpCell, 'fuOverdue', deadlines.followUp.dueOn, today);
  const archiveCell = { year: yearOf(deadlines.archive.dueOn), tenantId: service.tenantId, county };
  out.add(archiveCell, 'arDue');
  if (service.archive !== undefined) out.add(archiveCell, service.archive.late ? 'arLate' : 'arOnTime');
  else openItem(out, archiveCell, 'arOverdue', deadlines.archive.dueOn, today);
  return out.build();
}

/**
 * SVC-7 — a MAJOR hazard (a general one is the insurer's to track; the regulators are alerted of major ones):
 * `hzMajor` in the year it was found; and, while not verified, `hzMajorOpen` — with `hzMajorOverdue` once past its
 * date (the enterprise's plan date once reported, else the inspector's) — in the **current** year's cell: an open
 * major hazard is today's concern whenever it falls due, so it moves to the new year's cell on January 1.
 */
export function hazardContribution(
  hazard: Pick<Hazard, 'tenantId' | 'enterprise' | 'grade' | 'status' | 'rectifyBy' | 'rectification' | 'foundOn'>,
  today: LocalDate,
): Evaluated {
  const out = new ContributionBuilder();
  if (hazard.grade !== 'MAJOR') return out.build();
  const { tenantId } = hazard;
  const county = hazard.enterprise.county;
  out.add({ year: yearOf(hazard.foundOn), tenantId, county }, 'hzMajor');
  if (hazard.status !== 'VERIFIED') {
    const thisYear = yearOf(today);
    const now = { year: thisYear, tenantId, county };
    out.add(now, 'hzMajorOpen');
    openItem(out, now, 'hzMajorOverdue', hazard.rectification?.dueOn ?? hazard.rectifyBy, today);
    out.edgeOn(localDate(thisYear + 1, 1, 1));
  }
  return out.build();
}

/**
 * CMP-2..4, CMP-6, CMP-8 — a complaint, in the year its binding reply date falls: `cmpReceived`; once replied
 * `cmpOnTime` (replied on or before the binding date, Asia/Shanghai) or `cmpLate`; unreplied past the date
 * `cmpOverdue`; `cmpEscalated` once the complainant took it to a regulator.
 */
export function complaintContribution(
  complaint: Pick<Complaint, 'tenantId' | 'county' | 'deadlines' | 'reply' | 'escalation'>,
  today: LocalDate,
): Evaluated {
  const out = new ContributionBuilder();
  const dueOn = complaint.deadlines.binding.dueOn;
  const cell = { year: yearOf(dueOn), tenantId: complaint.tenantId, county: complaint.county ?? UNKNOWN_COUNTY };
  out.add(cell, 'cmpReceived');
  if (complaint.reply !== undefined) out.add(cell, shanghaiDateOf(complaint.reply.repliedAt) <= dueOn ? 'cmpOnTime' : 'cmpLate');
  else openItem(out, cell, 'cmpOverdue', dueOn, today);
  if (complaint.escalation !== undefined) out.add(cell, 'cmpEscalated');
  return out.build();
}

/** FEE-4, FEE-5 — an insurer's fee year, from the ledger's own counters: premium ex-tax, accrued and spent (fen). */
export function feeYearContribution(
  tenantId: string,
  year: number,
  totals: Pick<YearTotals, 'premiumExTaxFen' | 'accruedFen' | 'spentFen'> | undefined,
): Evaluated {
  const out = new ContributionBuilder();
  if (totals === undefined) return out.build();
  const cell = { year, tenantId, county: ALL_COUNTIES };
  return out
    .add(cell, 'feePremiumExTax', totals.premiumExTaxFen)
    .add(cell, 'feeAccrued', totals.accruedFen)
    .add(cell, 'feeSpent', totals.spentFen)
    .build();
}

/**
 * CLM-1 — a claim, for its insurer in its enterprise's county: `clmRegistered` in the year it was registered
 * (Asia/Shanghai); once decided, `clmDecided` and, for a decline, `clmDeclined` in the year decided; each payout's
 * fen in `clmPaidFen` of the year it was paid. Nothing here changes with the calendar alone: no edge.
 */
export function claimContribution(claim: Pick<Claim, 'tenantId' | 'enterprise' | 'registeredAt' | 'decision' | 'payouts'>): Evaluated {
  const out = new ContributionBuilder();
  const { tenantId } = claim;
  const county = claim.enterprise.county;
  out.add({ year: yearOf(shanghaiDateOf(claim.registeredAt)), tenantId, county }, 'clmRegistered');
  if (claim.decision !== undefined) {
    const decided = { year: yearOf(claim.decision.decidedOn), tenantId, county };
    out.add(decided, 'clmDecided');
    if (claim.decision.outcome === 'DECLINED') out.add(decided, 'clmDeclined');
  }
  for (const payout of claim.payouts) out.add({ year: yearOf(payout.paidOn), tenantId, county }, 'clmPaidFen', payout.amountFen);
  return out.build();
}

// ── Differences and sums ─────────────────────────────────────────────────────────────────────────────────────

/** What to add to the cells to go from `before` to `after`: only figures that change, only cells that move. */
export function contributionDelta(before: Contribution | undefined, after: Contribution): Contribution {
  const delta: Record<string, Record<string, number>> = {};
  const cells = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const cell of cells) {
    const was = before?.[cell] ?? {};
    const now = after[cell] ?? {};
    for (const figure of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const change = (now[figure] ?? 0) - (was[figure] ?? 0);
      if (change !== 0) (delta[cell] ??= {})[figure] = change;
    }
  }
  return delta;
}

export const isEmptyContribution = (contribution: Contribution): boolean => Object.keys(contribution).length === 0;

/** Cells plus `delta`, figures at zero kept (as DynamoDB's ADD leaves them). */
export function addContribution(cells: Contribution, delta: Contribution): Contribution {
  const sum: Record<string, Record<string, number>> = {};
  for (const [cell, figures] of Object.entries(cells)) sum[cell] = { ...figures };
  for (const [cell, figures] of Object.entries(delta)) {
    const target = (sum[cell] ??= {});
    for (const [figure, amount] of Object.entries(figures)) target[figure] = (target[figure] ?? 0) + amount;
  }
  return sum;
}

/** The same figures, zeros dropped: what two sets of cells are compared on. */
export function withoutZeros(cells: Contribution): Contribution {
  const out: Record<string, Record<string, number>> = {};
  for (const [cell, figures] of Object.entries(cells)) {
    for (const [figure, amount] of Object.entries(figures)) if (amount !== 0) (out[cell] ??= {})[figure] = amount;
  }
  return out;
}
