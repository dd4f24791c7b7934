import type { ArchiveStoreFor } from '../../../domain/archive/archive-store.js';
import type { LedgerFileWriter } from '../../../domain/fees/ledger-file.port.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { XlsxLedgerFileWriter } from '../../adapters/ledger-file/ledger-workbook.js';
import { feesRoot, type FeesRoot } from './composition-root.js';

/**
 * The fee ledger's file routes (FEE-2, FEE-4 exports) run in a function of their own ({@link feeFileRoutes}):
 * the XLSX writer (exceljs) is more than half a megabyte, and only an export needs it, so the fees function
 * that books and lists does not carry it (issue 20).
 */
export interface FeeFilesRoot extends FeesRoot {
  /** FEE-2, FEE-4: the ledger's file (XLSX); its library is loaded only when a file is written. */
  readonly ledgerFiles: LedgerFileWriter;
  /** Issue 18: a workbook too large for an answer is written here (the tenant's prefix) and handed out by a link. */
  readonly archive: ArchiveStoreFor;
}

let root: FeeFilesRoot | undefined;

/** The composition root of the fees' file function: the fees', and the ledger's file writer. */
export function feeFilesRoot(): FeeFilesRoot {
  root ??= { ...feesRoot(), ledgerFiles: new XlsxLedgerFileWriter(), archive: (session) => archiveStoreFor(session) };
  return root;
}
