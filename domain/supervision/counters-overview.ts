import { localDate } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { percentOfFen } from '../kernel/money.js';
import { ALL_COUNTIES, cellOfKey } from './counters.js';
import type { Contribution, Figures } from './counters.js';

/**
 * Issue 14: the supervision overview from the counter cells (counters.ts) — pure, so the route only reads the
 * cells and names the insurers.
 */

export interface TimelinessFigures {
  /** Fell due in the year (so far and still to come). */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  /** Past due today and still not done. */
  readonly overdue: number;
}

export interface FigureSet {
  /** UW-11: the insurer's (or county's) mandatory-industry policies in force on `asOf`. */
  readonly inForce: number;
  /** SVC-1/SVC-2: services owed that fall due in the year; done (archived, in time); still owed past due. */
  readonly obligations: { readonly required: number; readonly done: number; readonly overdue: number };
  readonly followUps: TimelinessFigures;
  readonly archives: TimelinessFigures;
  readonly complaints: TimelinessFigures & { readonly escalated: number };
  /** SVC-7: major hazards not verified, and those of them past their rectification date. */
  readonly majorHazards: { readonly open: number; readonly overdue: number };
  /** CLM-1: claims registered in the year; decided and declined in it; paid in it (fen, by payout day). */
  readonly claims: { readonly registered: number; readonly decided: number; readonly declined: number; readonly paidFen: number };
}

export interface FeeFigures {
  readonly premiumExTaxFen: number;
  readonly accruedFen: number;
  readonly spentFen: number;
  readonly floorBasisPoints: number;
  readonly ceilingBasisPoints: number;
  /** spent ÷ premium ex-tax in basis points (rounded down), null with no premium. */
  readonly ratioBasisPoints: number | null;
  /** FEE-4: what is still to be spent to reach the floor. */
  readonly shortfallFen: number;
  readonly aboveCeiling: boolean;
}

export interface InsurerOverview extends FigureSet {
  readonly tenantId: string;
  /** Coverage share of the register in scope (mandatory industries), basis points; null with an empty register. */
  readonly coverageShareBasisPoints: number | null;
  readonly fees: FeeFigures | null;
  /** 1 = the most behind (see {@link rankBehind}). */
  readonly rank: number;
  readonly behind: { readonly overdue: number; readonly late: number };
}

export interface CountyOverview extends FigureSet {
  readonly county: string;
  /** REG-1: mandatory-industry enterprises on the register. */
  readonly registered: number;
  readonly coverageShareBasisPoints: number | null;
}

export interface OverviewInput {
  readonly year: number;
  readonly today: LocalDate;
  /** The cells of `year` (others are left out). */
  readonly cells: Contribution;
  /** Every insurer on the platform, so one with no record at all still shows (as not behind). */
  readonly tenantIds: readonly string[];
  /** REG-1 mandatory-industry entries per county, for the counties in scope. */
  readonly registered: Readonly<Record<string, number>>;
  /** ACL-4: a county EMB's county; the city EMB and the NFRA see every county. */
  readonly county?: string;
  /** FEE-4/FEE-5 figures of the year's rule set; absent where fees are not shown (a county EMB, ACL-4). */
  readonly fees?: { readonly floorBasisPoints: number; readonly ceilingBasisPoints: number };
}

export interface Overview {
  readonly year: number;
  /** The day coverage is counted on: today, or December 31 of a past year. */
  readonly asOf: LocalDate;
  readonly totals: FigureSet & { readonly registered: number; readonly coverageShareBasisPoints: number | null };
  readonly insurers: readonly InsurerOverview[];
  readonly counties: readonly CountyOverview[];
}

/** Mutable sums of one row while the cells are read. */
class Tally {
  inForce = 0;
  oblRequired = 0;
  oblDone = 0;
  oblOverdue = 0;
  readonly fu = { due: 0, onTime: 0, late: 0, overdue: 0 };
  readonly ar = { due: 0, onTime: 0, late: 0, overdue: 0 };
  readonly cmp = { due: 0, onTime: 0, late: 0, overdue: 0, escalated: 0 };
  hzOpen = 0;
  hzOverdue = 0;
  readonly clm = { registered: 0, decided: 0, declined: 0, paidFen: 0 };
  premiumExTaxFen = 0;
  accruedFen = 0;
  spentFen = 0;

  figures(): FigureSet {
    return {
      inForce: this.inForce,
      obligations: { required: this.oblRequired, done: this.oblDone, overdue: this.oblOverdue },
      followUps: { ...this.fu },
      archives: { ...this.ar },
      complaints: { ...this.cmp },
      majorHazards: { open: this.hzOpen, overdue: this.hzOverdue },
      claims: { ...this.clm },
    };
  }
}

/** The figures the cells hold, and where each goes in a row. */
const ADDERS: Readonly<Record<string, (tally: Tally, amount: number) => void>> = {
  inForce: (t, n) => void (t.inForce += n),
  oblRequired: (t, n) => void (t.oblRequired += n),
  oblDone: (t, n) => void (t.oblDone += n),
  oblOverdue: (t, n) => void (t.oblOverdue += n),
  fuDue: (t, n) => void (t.fu.due += n),
  fuOnTime: (t, n) => void (t.fu.onTime += n),
  fuLate: (t, n) => void (t.fu.late += n),
  fuOverdue: (t, n) => void (t.fu.overdue += n),
  arDue: (t, n) => void (t.ar.due += n),
  arOnTime: (t, n) => void (t.ar.onTime += n),
  arLate: (t, n) => void (t.ar.late += n),
  arOverdue: (t, n) => void (t.ar.overdue += n),
  cmpReceived: (t, n) => void (t.cmp.due += n),
  cmpOnTime: (t, n) => void (t.cmp.onTime += n),
  cmpLate: (t, n) => void (t.cmp.late += n),
  cmpOverdue: (t, n) => void (t.cmp.overdue += n),
  cmpEscalated: (t, n) => void (t.cmp.escalated += n),
  hzMajorOpen: (t, n) => void (t.hzOpen += n),
  hzMajorOverdue: (t, n) => void (t.hzOverdue += n),
  clmRegistered: (t, n) => void (t.clm.registered += n),
  clmDecided: (t, n) => void (t.clm.decided += n),
  clmDeclined: (t, n) => void (t.clm.declined += n),
  clmPaidFen: (t, n) => void (t.clm.paidFen += n),
  feePremiumExTax: (t, n) => void (t.premiumExTaxFen += n),
  feeAccrued: (t, n) => void (t.accruedFen += n),
  feeSpent: (t, n) => void (t.spentFen += n),
};

function tallyCell(tally: Tally, figures: Figures): void {
  for (const [name, amount] of Object.entries(figures)) ADDERS[name]?.(tally, amount);
}

const shareOf = (part: number, whole: number): number | null => (whole > 0 ? Math.floor((part * 10_000) / whole) : null);

function feeFiguresOf(tally: Tally, rules: { floorBasisPoints: number; ceilingBasisPoints: number }): FeeFigures {
  const required = percentOfFen(tally.premiumExTaxFen, rules.floorBasisPoints);
  return {
    premiumExTaxFen: tally.premiumExTaxFen,
    accruedFen: tally.accruedFen,
    spentFen: tally.spentFen,
    floorBasisPoints: rules.floorBasisPoints,
    ceilingBasisPoints: rules.ceilingBasisPoints,
    ratioBasisPoints: shareOf(tally.spentFen, tally.premiumExTaxFen),
    shortfallFen: Math.max(0, required - tally.spentFen),
    aboveCeiling: tally.spentFen > percentOfFen(tally.premiumExTaxFen, rules.ceilingBasisPoints),
  };
}

/** What the ranking weighs: claims (CLM-1) are shown, not ranked — a decline with its reason is no delay. */
type Ranked = Omit<FigureSet, 'claims'>;

/** Items past due and still open: SVC-1/SVC-2 services owed, SVC-8 follow-ups, SVC-9 archives, CMP replies, SVC-7 major hazards. */
const overdueOf = (f: Ranked): number =>
  f.obligations.overdue + f.followUps.overdue + f.archives.overdue + f.complaints.overdue + f.majorHazards.overdue;
/** Items done, but after their due date: follow-ups, archives, replies. */
const lateOf = (f: Ranked): number => f.followUps.late + f.archives.late + f.complaints.late;

/**
 * The `behind` ranking (issue 14), most behind first:
 * 1. more items past due and still open (SVC-1/SVC-2 services owed, SVC-8 follow-ups, SVC-9 archives, CMP
 *    replies, SVC-7 major hazards) — what is wrong today comes first;
 * 2. then more items done late (follow-ups, archives, replies);
 * 3. then the larger FEE-4 shortfall against the floor (where fees are shown);
 * 4. then the lower share of SVC-1/SVC-2 services done of those owed;
 * 5. then tenant id, so the order is stable.
 */
export function rankBehind<T extends Ranked & { readonly tenantId: string; readonly fees: FeeFigures | null }>(rows: readonly T[]): T[] {
  const doneShare = (row: T): number => (row.obligations.required > 0 ? row.obligations.done / row.obligations.required : 1);
  return [...rows].sort(
    (a, b) =>
      overdueOf(b) - overdueOf(a) ||
      lateOf(b) - lateOf(a) ||
      (b.fees?.shortfallFen ?? 0) - (a.fees?.shortfallFen ?? 0) ||
      doneShare(a) - doneShare(b) ||
      (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0),
  );
}

/**
 * The overview of `year` (issue 14): per insurer and per county, from the cells of the year — figures already
 * evaluated on today by the projection and the daily run (`inForce` on min(today, December 31)).
 * A county EMB's overview (`county`) reads only that county's cells, and has no fee figures (ACL-4).
 */
export function overviewOf(input: OverviewInput): Overview {
  const yearEnd = localDate(input.year, 12, 31);
  const asOf = input.today < yearEnd ? input.today : yearEnd;
  const insurers = new Map<string, Tally>(input.tenantIds.map((id) => [id, new Tally()]));
  const counties = new Map<string, Tally>(Object.keys(input.registered).map((county) => [county, new Tally()]));
  const total = new Tally();
  for (const [key, figures] of Object.entries(input.cells)) {
    const cell = cellOfKey(key);
    if (cell.year !== input.year) continue;
    if (cell.county === ALL_COUNTIES) {
      // FEE-4: insurer-wide, never a county's (ACL-4).
      if (input.fees === undefined) continue;
      const insurer = insurers.get(cell.tenantId);
      if (insurer !== undefined) tallyCell(insurer, figures);
      continue;
    }
    if (input.county !== undefined && cell.county !== input.county) continue;
    let insurer = insurers.get(cell.tenantId);
    if (insurer === undefined) {
      insurer = new Tally();
      insurers.set(cell.tenantId, insurer);
    }
    let county = counties.get(cell.county);
    if (county === undefined) {
      county = new Tally();
      counties.set(cell.county, county);
    }
    for (const tally of [insurer, county, total]) tallyCell(tally, figures);
  }
  const registered = Object.values(input.registered).reduce((sum, n) => sum + n, 0);
  const rows = [...insurers.entries()].map(([tenantId, tally]) => {
    const figures = tally.figures();
    return {
      tenantId,
      ...figures,
      coverageShareBasisPoints: shareOf(figures.inForce, registered),
      fees: input.fees === undefined ? null : feeFiguresOf(tally, input.fees),
      behind: { overdue: overdueOf(figures), late: lateOf(figures) },
    };
  });
  return {
    year: input.year,
    asOf,
    totals: { ...total.figures(), registered, coverageShareBasisPoints: shareOf(total.inForce, registered) },
    insurers: rankBehind(rows).map((row, index) => ({ ...row, rank: index + 1 })),
    counties: [...counties.entries()]
      .map(([county, tally]) => {
        const figures = tally.figures();
        const countyRegistered = input.registered[county] ?? 0;
        return { county, registered: countyRegistered, ...figures, coverageShareBasisPoints: shareOf(figures.inForce, countyRegistered) };
      })
      .sort((a, b) => overdueOf(b) - overdueOf(a) || (a.county < b.county ? -1 : 1)),
  };
}

