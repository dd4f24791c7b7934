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
  /** Cells of `year` and of the year before (policies started then may still be in force). */
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
    };
  }
}

/** Adds one cell's figures to `tally`: `inYear` says whether the cell is of the overview's year. */
function tallyCell(tally: Tally, figures: Figures, inYear: boolean, asOf: LocalDate, today: LocalDate): void {
  for (const [name, amount] of Object.entries(figures)) {
    const at = name.indexOf('@');
    if (at >= 0) {
      const figure = name.slice(0, at);
      const day = name.slice(at + 1);
      // UW-11: in force on asOf = started on or before it, minus ended before it (both from this and last year's cells).
      if (figure === 'polStart') tally.inForce += day <= asOf ? amount : 0;
      else if (figure === 'polEnd') tally.inForce -= day < asOf ? amount : 0;
      else if (!inYear) continue;
      else if (day < today) {
        if (figure === 'oblOpen') tally.oblOverdue += amount;
        else if (figure === 'fuOpen') tally.fu.overdue += amount;
        else if (figure === 'arOpen') tally.ar.overdue += amount;
        else if (figure === 'cmpOpen') tally.cmp.overdue += amount;
        else if (figure === 'hzMajorOpen') tally.hzOverdue += amount;
      }
      continue;
    }
    if (!inYear) continue;
    switch (name) {
      case 'oblRequired': tally.oblRequired += amount; break;
      case 'oblDone': tally.oblDone += amount; break;
      case 'fuDue': tally.fu.due += amount; break;
      case 'fuOnTime': tally.fu.onTime += amount; break;
      case 'fuLate': tally.fu.late += amount; break;
      case 'arDue': tally.ar.due += amount; break;
      case 'arOnTime': tally.ar.onTime += amount; break;
      case 'arLate': tally.ar.late += amount; break;
      case 'cmpReceived': tally.cmp.due += amount; break;
      case 'cmpOnTime': tally.cmp.onTime += amount; break;
      case 'cmpLate': tally.cmp.late += amount; break;
      case 'cmpEscalated': tally.cmp.escalated += amount; break;
      case 'hzMajorOpen': tally.hzOpen += amount; break;
      case 'feePremiumExTax': tally.premiumExTaxFen += amount; break;
      case 'feeAccrued': tally.accruedFen += amount; break;
      case 'feeSpent': tally.spentFen += amount; break;
      default: break;
    }
  }
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

/** Items past due and still open: SVC-1/SVC-2 services owed, SVC-8 follow-ups, SVC-9 archives, CMP replies, SVC-7 major hazards. */
const overdueOf = (f: FigureSet): number =>
  f.obligations.overdue + f.followUps.overdue + f.archives.overdue + f.complaints.overdue + f.majorHazards.overdue;
/** Items done, but after their due date: follow-ups, archives, replies. */
const lateOf = (f: FigureSet): number => f.followUps.late + f.archives.late + f.complaints.late;

/**
 * The `behind` ranking (issue 14), most behind first:
 * 1. more items past due and still open (SVC-1/SVC-2 services owed, SVC-8 follow-ups, SVC-9 archives, CMP
 *    replies, SVC-7 major hazards) — what is wrong today comes first;
 * 2. then more items done late (follow-ups, archives, replies);
 * 3. then the larger FEE-4 shortfall against the floor (where fees are shown);
 * 4. then the lower share of SVC-1/SVC-2 services done of those owed;
 * 5. then tenant id, so the order is stable.
 */
export function rankBehind<T extends FigureSet & { readonly tenantId: string; readonly fees: FeeFigures | null }>(rows: readonly T[]): T[] {
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
 * The overview of `year` (issue 14): per insurer and per county, from the cells of the year and the year before.
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
    if (cell.year !== input.year && cell.year !== input.year - 1) continue;
    if (cell.county === ALL_COUNTIES) {
      // FEE-4: insurer-wide, never a county's (ACL-4).
      if (input.fees === undefined || cell.year !== input.year) continue;
      const insurer = insurers.get(cell.tenantId);
      if (insurer !== undefined) tallyCell(insurer, figures, true, asOf, input.today);
      continue;
    }
    if (input.county !== undefined && cell.county !== input.county) continue;
    const inYear = cell.year === input.year;
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
    for (const tally of [insurer, county, total]) tallyCell(tally, figures, inYear, asOf, input.today);
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

