import type { Complaint } from '../complaints/complaint.js';
import type { YearTotals } from '../fees/year-ledger.js';
import { shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
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
 * county × year. The projection stores each record's last contribution beside the cells and, on every event
 * about the record, computes the contribution of the record as it is now and adds only the difference
 * ({@link contributionDelta}). So a redelivered or late event adds nothing (the difference is zero or already
 * applied), and the cells always equal the sum of the records' contributions: what the property test checks
 * against a recomputation from the records.
 *
 * Which year a figure counts in: **the year its deadline falls due** (SVC-1/SVC-2 requirement `dueBy`, SVC-8
 * follow-up, SVC-9 archive, SVC-7 rectification, CMP binding reply date); a policy's coverage in the year its
 * period starts; a fee year in its own year.
 *
 * Figures that depend on today (overdue, in force) are kept as **day buckets** — `fuOpen@2026-03-02: 3` says
 * three follow-ups still open are due that day — and summed at read time against today, so nothing has to be
 * rewritten when a day passes.
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

/** Figure name → count (or fen). Day-bucketed figures are named `<figure>@<YYYY-MM-DD>`. */
export type Figures = Readonly<Record<string, number>>;

/** What one record adds, by cell (`cellKeyOf`). */
export type Contribution = Readonly<Record<string, Figures>>;

export const cellKeyOf = (cell: CounterCell): string => `${cell.year}|${cell.tenantId}|${cell.county}`;

export function cellOfKey(key: string): CounterCell {
  const [year, tenantId, county] = key.split('|');
  return { year: Number(year), tenantId: tenantId as string, county: county as string };
}

/** The day-bucketed figure `name` for `day`. */
export const bucket = (name: string, day: LocalDate): string => `${name}@${day}`;

/** Builds a contribution, adding up figures that land in the same cell. */
class ContributionBuilder {
  private readonly cells: Record<string, Record<string, number>> = {};

  add(cell: CounterCell, figure: string, amount = 1): this {
    if (amount === 0) return this;
    const key = cellKeyOf(cell);
    const figures = (this.cells[key] ??= {});
    figures[figure] = (figures[figure] ?? 0) + amount;
    return this;
  }

  build(): Contribution {
    return this.cells;
  }
}

// ── Contributions, one rule per kind of record ──────────────────────────────────────────────────────────────

/**
 * UW-11, SVC-1, SVC-2 — a policy (counted for its lead insurer, whose policy it is):
 * - coverage: a policy of a mandatory industry (SCOPE-2) adds `polStart@<first day>` and `polEnd@<last day>`
 *   (cut short by a cancellation) in the year its period starts; "in force on D" is starts ≤ D minus ends < D;
 * - obligations: each requirement the obligations engine lists (`obligations`, evaluated on the policy's plan
 *   and services) adds `oblRequired` and `oblDone` (done capped at required: extra services at one enterprise
 *   do not make up for missing ones at another), and what is still owed as `oblOpen@<dueBy>`, in dueBy's year.
 */
export function policyContribution(
  policy: Pick<Policy, 'tenantId' | 'enterprise' | 'periodStart' | 'periodEnd' | 'cancellation'>,
  obligations: Pick<ObligationStatus, 'requirements'> | undefined,
): Contribution {
  const out = new ContributionBuilder();
  const county = policy.enterprise.county;
  const tenantId = policy.tenantId;
  const period = coveragePeriodOf(policy);
  if (period !== undefined && industryScope(policy.enterprise.industry) === 'MANDATORY') {
    const cell = { year: yearOf(period.start), tenantId, county };
    out.add(cell, bucket('polStart', period.start)).add(cell, bucket('polEnd', period.end));
  }
  for (const requirement of obligations?.requirements ?? []) {
    const cell = { year: yearOf(requirement.dueBy), tenantId, county };
    const done = Math.min(requirement.done, requirement.required);
    out.add(cell, 'oblRequired', requirement.required).add(cell, 'oblDone', done);
    out.add(cell, bucket('oblOpen', requirement.dueBy), requirement.required - done);
  }
  return out.build();
}

/**
 * SVC-8, SVC-9 — a completed service: its follow-up counts in the year it falls due (`fuDue`, then `fuOnTime` or
 * `fuLate` once made, else `fuOpen@<due>`), its archive likewise (`arDue`, `arOnTime` / `arLate`, `arOpen@<due>`).
 * A service not yet completed owes neither and adds nothing; a cancelled one was never completed.
 */
export function serviceContribution(
  service: Pick<PreventionService, 'tenantId' | 'enterprise' | 'status' | 'deadlines' | 'followUp' | 'archive'>,
): Contribution {
  const out = new ContributionBuilder();
  const deadlines = service.deadlines;
  if (deadlines === undefined || service.status === 'CANCELLED') return out.build();
  const county = service.enterprise.county;
  const followUpCell = { year: yearOf(deadlines.followUp.dueOn), tenantId: service.tenantId, county };
  out.add(followUpCell, 'fuDue');
  if (service.followUp !== undefined) out.add(followUpCell, service.followUp.late ? 'fuLate' : 'fuOnTime');
  else if (service.status !== 'ARCHIVED') out.add(followUpCell, bucket('fuOpen', deadlines.followUp.dueOn));
  const archiveCell = { year: yearOf(deadlines.archive.dueOn), tenantId: service.tenantId, county };
  out.add(archiveCell, 'arDue');
  if (service.archive !== undefined) out.add(archiveCell, service.archive.late ? 'arLate' : 'arOnTime');
  else out.add(archiveCell, bucket('arOpen', deadlines.archive.dueOn));
  return out.build();
}

/**
 * SVC-7 — a MAJOR hazard (a general one is the insurer's to track; the regulators are alerted of major ones):
 * `hzMajor`, and while not verified `hzMajorOpen` and `hzMajorOpen@<due>` (the enterprise's plan date once
 * reported, else the inspector's), in the year of that date.
 */
export function hazardContribution(hazard: Pick<Hazard, 'tenantId' | 'enterprise' | 'grade' | 'status' | 'rectifyBy' | 'rectification'>): Contribution {
  const out = new ContributionBuilder();
  if (hazard.grade !== 'MAJOR') return out.build();
  const dueOn = hazard.rectification?.dueOn ?? hazard.rectifyBy;
  const cell = { year: yearOf(dueOn), tenantId: hazard.tenantId, county: hazard.enterprise.county };
  out.add(cell, 'hzMajor');
  if (hazard.status !== 'VERIFIED') out.add(cell, 'hzMajorOpen').add(cell, bucket('hzMajorOpen', dueOn));
  return out.build();
}

/**
 * CMP-2..4, CMP-6, CMP-8 — a complaint, in the year its binding reply date falls: `cmpReceived`; once replied
 * `cmpOnTime` (replied on or before the binding date, Asia/Shanghai) or `cmpLate`; else `cmpOpen@<due>`;
 * `cmpEscalated` once the complainant took it to a regulator.
 */
export function complaintContribution(
  complaint: Pick<Complaint, 'tenantId' | 'county' | 'deadlines' | 'reply' | 'escalation'>,
): Contribution {
  const out = new ContributionBuilder();
  const dueOn = complaint.deadlines.binding.dueOn;
  const cell = { year: yearOf(dueOn), tenantId: complaint.tenantId, county: complaint.county ?? UNKNOWN_COUNTY };
  out.add(cell, 'cmpReceived');
  if (complaint.reply !== undefined) out.add(cell, shanghaiDateOf(complaint.reply.repliedAt) <= dueOn ? 'cmpOnTime' : 'cmpLate');
  else out.add(cell, bucket('cmpOpen', dueOn));
  if (complaint.escalation !== undefined) out.add(cell, 'cmpEscalated');
  return out.build();
}

/** FEE-4, FEE-5 — an insurer's fee year, from the ledger's own counters: premium ex-tax, accrued and spent (fen). */
export function feeYearContribution(tenantId: string, year: number, totals: Pick<YearTotals, 'premiumExTaxFen' | 'accruedFen' | 'spentFen'> | undefined): Contribution {
  const out = new ContributionBuilder();
  if (totals === undefined) return out.build();
  const cell = { year, tenantId, county: ALL_COUNTIES };
  return out
    .add(cell, 'feePremiumExTax', totals.premiumExTaxFen)
    .add(cell, 'feeAccrued', totals.accruedFen)
    .add(cell, 'feeSpent', totals.spentFen)
    .build();
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
