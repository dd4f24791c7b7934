import type { RouteSpec } from '../../middleware/route.js';
import { importEnterprises } from './import-enterprises.js';

/**
 * REG-1's register imports, in the register's file function (functions/http/register/files-handler.ts).
 * Apart from routes.ts, so that the context's everyday function, which bundles routes.ts, never reaches the
 * XLSX library (exceljs) these routes load: test/functions/http/file-functions.test.ts.
 */
export const registerFileRoutes: readonly RouteSpec[] = [importEnterprises];
