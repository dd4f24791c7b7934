import type { RouteSpec } from '../../middleware/route.js';
import { attachThirdPartyEvaluationRoute } from './attach-third-party-evaluation.js';
import { downloadReportFileRoute } from './download-report-file.js';
import { downloadSubmittedReportFileRoute } from './download-submitted-report-file.js';
import { requestEvaluationUploadRoute } from './evaluation-upload-ticket.js';
import { generateReportRoute } from './generate-report.js';
import { submitReportRoute } from './submit-report.js';
import { writeEvaluationRoute } from './write-evaluation.js';

/**
 * RPT-1, RPT-2: the report routes that render a report's XLSX and PDF (generating, the self-evaluation and the
 * third party's evaluation redraw the draft), archive them write-once (submitting, the upload ticket) or hand
 * them out by a presigned link (the downloads), in the reports' file function (functions/http/reports/files-handler.ts).
 * Apart from routes.ts, so that the reports function, which bundles routes.ts, never reaches exceljs, pdfkit,
 * fontkit or the S3 client: test/functions/http/file-functions.test.ts.
 */
export const reportFileRoutes: readonly RouteSpec[] = [
  generateReportRoute,
  downloadReportFileRoute,
  submitReportRoute,
  writeEvaluationRoute,
  requestEvaluationUploadRoute,
  attachThirdPartyEvaluationRoute,
  downloadSubmittedReportFileRoute,
];
