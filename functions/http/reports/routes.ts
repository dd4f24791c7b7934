import type { RouteSpec } from '../../middleware/route.js';
import { getReportRoute } from './get-report.js';
import { getSubmittedReportRoute } from './get-submitted-report.js';
import { listReportsRoute } from './list-reports.js';
import { listSubmittedReportsRoute } from './list-submitted-reports.js';

/**
 * RPT-1, RPT-4: the insurers' half-year and year reports and the city EMB's and the NFRA's view of the
 * submissions — the lists and gets. What makes, archives or hands out a report file (generating, the
 * self-evaluation, submitting, the download links) is in the reports' file function (file-routes.ts), so this
 * one carries neither the renderers nor the S3 client (issue 20; test/functions/http/file-functions.test.ts).
 */
export const reportRoutes: readonly RouteSpec[] = [listReportsRoute, getReportRoute, listSubmittedReportsRoute, getSubmittedReportRoute];
