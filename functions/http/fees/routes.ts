import type { RouteSpec } from '../../middleware/route.js';
import { bookExpense } from './book-expense.js';
import { exportLedgerRoute } from './export-ledger.js';
import { getLedgerEntry, listLedger } from './ledger.js';
import { listPremiumReceipts, receivePremium } from './premium-receipts.js';
import { reverseEntry } from './reverse-entry.js';
import { checkFeeSummary, feeSummary } from './summary.js';

/** The prevention-fee context (FEE-1..5): receipts and accruals, expenses, reversals, the ledger, compliance. */
export const feeRoutes: readonly RouteSpec[] = [
  receivePremium,
  listPremiumReceipts,
  bookExpense,
  reverseEntry,
  getLedgerEntry,
  listLedger,
  exportLedgerRoute,
  feeSummary,
  checkFeeSummary,
];
