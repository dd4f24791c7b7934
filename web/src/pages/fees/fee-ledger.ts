import type { LedgerEntry } from '../../api';

/** How an entry moves the year's accrued and spent figures (signed fen), as domain/fees `effectOf` does. */
export function entryEffect(entry: LedgerEntry): { accruedFen: number; spentFen: number } {
  switch (entry.kind) {
    case 'ACCRUAL':
      return { accruedFen: entry.amountFen, spentFen: 0 };
    case 'EXPENSE':
      return { accruedFen: 0, spentFen: entry.amountFen };
    case 'REVERSAL':
      return entry.reverses.kind === 'ACCRUAL' ? { accruedFen: -entry.amountFen, spentFen: 0 } : { accruedFen: 0, spentFen: -entry.amountFen };
  }
}

/** How an entry moves the prevention balance (accrued − spent). */
export const balanceChange = (entry: LedgerEntry): number => {
  const effect = entryEffect(entry);
  return effect.accruedFen - effect.spentFen;
};

/**
 * The running balance after each entry, in sequence order (FEE-2: the ledger's own order), keyed by entry id.
 * Needs the year's entries from sequence 1 on: the page reads the whole year (see `readYear`).
 */
export function runningBalances(entries: readonly LedgerEntry[]): ReadonlyMap<string, number> {
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const balances = new Map<string, number>();
  let balance = 0;
  for (const entry of sorted) {
    balance += balanceChange(entry);
    balances.set(entry.id, balance);
  }
  return balances;
}

export interface MonthTotals {
  /** 1..12 */
  readonly month: number;
  readonly accruedFen: number;
  readonly spentFen: number;
}

/** Accrued and spent per month of the entries' dates (a reversal counts in its entry's month, as its date is). */
export function monthlyTotals(entries: readonly LedgerEntry[]): readonly MonthTotals[] {
  const months = Array.from({ length: 12 }, (_, index) => ({ month: index + 1, accruedFen: 0, spentFen: 0 }));
  for (const entry of entries) {
    const month = months[Number(entry.date.slice(5, 7)) - 1];
    if (!month) continue;
    const effect = entryEffect(entry);
    month.accruedFen += effect.accruedFen;
    month.spentFen += effect.spentFen;
  }
  return months;
}

/** The ids of entries a reversal in the list took back. */
export const reversedIds = (entries: readonly LedgerEntry[]): ReadonlySet<string> =>
  new Set(entries.flatMap((entry) => (entry.kind === 'REVERSAL' ? [entry.reverses.entryId] : [])));

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The dial's range and tick step in percent, chosen so that both marks fall on labelled ticks: a step dividing
 * floor and ceiling (15% and 21% → every 3%, up to 30%), or every 5% when no whole step of 2–5 does.
 */
export function dialScale(floor: number, ceiling: number): { max: number; step: number } {
  const common = Number.isInteger(floor) && Number.isInteger(ceiling) ? gcd(floor, ceiling) : 0;
  const step = common >= 2 && common <= 5 ? common : 5;
  return { max: Math.ceil((ceiling * 1.4) / step) * step, step };
}
