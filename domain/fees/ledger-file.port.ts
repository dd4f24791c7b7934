import type { FeeSummary } from './compliance.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { YearTotals } from './year-ledger.js';

/** A year's ledger written as a file, and what it holds, so the answer can state its totals without reading it back. */
export interface LedgerFile {
  readonly bytes: Uint8Array;
  /** Entries written. */
  readonly entries: number;
  /** Recomputed from the entries written: what the file's totals row says, in fen. */
  readonly totals: YearTotals;
}

/**
 * FEE-2, FEE-4: the port the ledger export writes its file through (the XLSX adapter is
 * functions/adapters/ledger-file/ledger-workbook.ts). The entries come page by page in sequence order, so a
 * year of 100,000 entries is written without holding them all; the totals are summed from the entries written,
 * not taken from the counters, so a reader can compare the two to the fen.
 *
 * @example
 * const file = await ledgerFiles.write(summarizeYear(ledger, context), (visit) => fees.eachEntryPage(tenantId, year, visit));
 */
export interface LedgerFileWriter {
  /** The file's name for `year`. */
  fileNameOf(year: number): string;
  /** The file's media type. */
  readonly contentType: string;
  write(summary: FeeSummary, eachEntryPage: (visit: (entries: readonly LedgerEntry[]) => void) => Promise<void>): Promise<LedgerFile>;
}
