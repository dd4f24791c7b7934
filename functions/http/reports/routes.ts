import type { RouteSpec } from '../../middleware/route.js';
import { downloadReportFileRoute } from './download-report-file.js';
import { downloadSubmittedReportFileRoute } from './download-submitted-report-file.js';
import { generateReportRoute } from './generate-report.js';
import { getReportRoute } from './get-report.js';
import { getSubmittedReportRoute } from './get-submitted-report.js';
import { listReportsRoute } from './list-reports.js';
import { listSubmittedReportsRoute } from './list-submitted-reports.js';
import { submitReportRoute } from './submit-report.js';
import { attachThirdPartyEvaluationRoute } from './attach-third-party-evaluation.js';
import { requestEvaluationUploadRoute } from './evaluation-upload-ticket.js';
import { writeEvaluationRoute } from './write-evaluation.js';

/**
 * RPT-1, RPT-4: the insurers' half-year and year reports — generated from the data, reviewed, submitted (报送)
 * write-once — and the city EMB's and the NFRA's view of the submissions. One function with the renderers
 * (functions/adapters/report-file/): every route here reads or makes report files.
 */
export const reportRoutes: readonly RouteSpec[] = [
  generateReportRoute,
  listReportsRoute,
  getReportRoute,
  downloadReportFileRoute,
  submitReportRoute,
  writeEvaluationRoute,
  requestEvaluationUploadRoute,
  attachThirdPartyEvaluationRoute,
  listSubmittedReportsRoute,
  getSubmittedReportRoute,
  downloadSubmittedReportFileRoute,
];
