import type { RouteSpec } from '../../middleware/route.js';
import { downloadOwnEvaluationFileRoute, verifyOwnEvaluationRoute } from './insurer-evaluation-files.js';
import { publishEvaluationRoute } from './publish-evaluation.js';
import { downloadEvaluationFileRoute, verifyEvaluationRoute } from './regulator-files.js';

/**
 * RPT-3, SVC-10: the evaluation routes that render the published XLSX and PDF and archive them write-once
 * (publishing), or read them back from the archive (the download links, re-hashing), in the evaluations' file
 * function (functions/http/evaluations/files-handler.ts). Apart from routes.ts, so that the evaluations function
 * never reaches exceljs, pdfkit, fontkit or the S3 client: test/functions/http/file-functions.test.ts.
 */
export const evaluationFileRoutes: readonly RouteSpec[] = [
  publishEvaluationRoute,
  downloadEvaluationFileRoute,
  verifyEvaluationRoute,
  downloadOwnEvaluationFileRoute,
  verifyOwnEvaluationRoute,
];
