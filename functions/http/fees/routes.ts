import type { RouteSpec } from '../../middleware/route.js';
import { bookExpense } from './book-expense.js';
import { checkFeeSummary } from './check-fee-summary.js';
import { feeSummary } from './fee-summary.js';
import { getLedgerEntry } from './get-ledger-entry.js';
import { listLedger } from './list-ledger.js';
import { listPremiumReceipts } from './list-premium-receipts.js';
import { receivePremium } from './receive-premium.js';
import { reverseEntry } from './reverse-entry.js';

/** The prevention-fee context (FEE-1..5): receipts and accruals, expenses, reversals, the ledger, compliance. */
export const feeRoutes: readonly RouteSpec[] = [
  receivePremium,
  listPremiumReceipts,
  bookExpense,
  reverseEntry,
  getLedgerEntry,
  listLedger,
  feeSummary,
  checkFeeSummary,
];
