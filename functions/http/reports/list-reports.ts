import * as z from 'zod/mini';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageQuery } from '../zod.js';
import { reportsRoot } from './composition-root.js';
import { reportPageSchema, reportSummaryOf } from './schemas.js';

/** RPT-1: the insurer's reports, newest period first, with where each stands (draft, submitted, late). */
export const listReportsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/reports',
  access: INSURER,
  summary: "The insurer's half-year and year reports, newest period first (RPT-1)",
  tags: ['reports'],
  query: z.object(pageQuery),
  response: reportPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { reports } = await reportsRoot().forTenant(tenantId);
    const page = await reports.list(tenantId, { ...input.query, withTotal: true });
    return { body: { items: page.items.map(reportSummaryOf), nextCursor: page.nextCursor, total: page.total } };
  },
});
