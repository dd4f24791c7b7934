import { localDate, monthOf, type LocalDate } from '../kernel/calendar/local-date.js';
import type { LedgerEntry } from './ledger-entry.js';

/** RPT-1: the halves of a ledger year — H1 January 1–June 30 (the half-year report's), H2 July 1–December 31. */
export const HALVES = ['H1', 'H2'] as const;
export type Half = (typeof HALVES)[number];

/**
 * FEE-2, RPT-1: the day that puts a ledger entry in a period — the day the money moved (receivedOn, spentOn),
 * and for a reversal the reversed entry's day, so a correction lands in the period of what it corrects. The
 * half totals of the counters (year-ledger.ts) and the report's fee figures (domain/reports/figures.ts) both
 * place entries by this one function, which is what lets a half-year report equal `GET /fees/summary?half=H1`.
 */
export const entryDateOf = (entry: LedgerEntry): LocalDate => entry.date;

/** The half of the year `date` falls in. */
export const halfOf = (date: LocalDate): Half => (monthOf(date) <= 6 ? 'H1' : 'H2');

/** The first and last day of a half (inclusive). */
export function halfPeriod(year: number, half: Half): { readonly from: LocalDate; readonly to: LocalDate } {
  return half === 'H1' ? { from: localDate(year, 1, 1), to: localDate(year, 6, 30) } : { from: localDate(year, 7, 1), to: localDate(year, 12, 31) };
}
