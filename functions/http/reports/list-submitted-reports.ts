import { REPORT_OVERSIGHT } from '../../../domain/identity/access.js';
import { periodKeyOf } from '../../../domain/reports/period.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportsRoot } from './composition-root.js';
import { regulatorReportsQuery, submittedReportPageSchema } from './schemas.js';

/**
 * RPT-1: every insurer's submitted reports (each version a row), newest period first, by year or period —
 * for the city EMB and the NFRA, the report's addressees (REPORT_OVERSIGHT).
 */
export const listSubmittedReportsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/reports',
  access: REPORT_OVERSIGHT,
  summary: "Insurers' submitted half-year and year reports, by period; the city EMB and the NFRA (RPT-1)",
  tags: ['regulator'],
  query: regulatorReportsQuery,
  response: submittedReportPageSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { year, kind, limit, cursor } = input.query;
    const periodPrefix = year === undefined ? undefined : kind === undefined ? `${year}-` : `${periodKeyOf({ year, kind })}#`;
    const views = await reportsRoot().regulatorViews(caller);
    const page = await views.listSubmitted({ ...(periodPrefix === undefined ? {} : { periodPrefix }), limit, ...(cursor === undefined ? {} : { cursor }), withTotal: true });
    return { body: { items: page.items, nextCursor: page.nextCursor, total: page.total } };
  },
});
