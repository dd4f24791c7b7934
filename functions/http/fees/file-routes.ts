import type { RouteSpec } from '../../middleware/route.js';
import { exportLedgerRoute } from './export-ledger.js';

/**
 * FEE-2, FEE-4's ledger exports, in the fees' file function (functions/http/fees/files-handler.ts).
 * Apart from routes.ts, so that the context's everyday function, which bundles routes.ts, never reaches the
 * XLSX library (exceljs) these routes load: test/functions/http/file-functions.test.ts.
 */
export const feeFileRoutes: readonly RouteSpec[] = [exportLedgerRoute];
