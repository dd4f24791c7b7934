import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadOwnReport } from './load-own-report.js';
import { reportDetailOf, reportDetailSchema, reportParams } from './schemas.js';

/** RPT-1: one report — the draft under review with its figures, and every submitted version as it was submitted. */
export const getReportRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/{reportId}',
  access: INSURER,
  summary: 'A report: its draft under review and its submitted versions, with figures (RPT-1)',
  tags: ['reports'],
  params: reportParams,
  response: reportDetailSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    const versions = report.submittedVersions > 0 ? await reports.versions(tenantId, report.id) : [];
    return { body: reportDetailOf(report, versions) };
  },
});
