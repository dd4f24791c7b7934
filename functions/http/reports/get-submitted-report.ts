import { REPORT_OVERSIGHT } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportsRoot } from './composition-root.js';
import { reportDetailOf, reportDetailSchema, reportParams } from './schemas.js';

/** RPT-1: one insurer's submitted report with every version as submitted — never the insurer's draft under review. */
export const getSubmittedReportRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/reports/{reportId}',
  access: REPORT_OVERSIGHT,
  summary: "An insurer's submitted report and its versions with figures; the city EMB and the NFRA (RPT-1)",
  tags: ['regulator'],
  params: reportParams,
  response: reportDetailSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const found = await (await reportsRoot().regulatorViews(caller)).findSubmitted(input.params.reportId);
    if (!found) throw new NotFound('report');
    return { body: reportDetailOf(found.report, found.versions) };
  },
});
