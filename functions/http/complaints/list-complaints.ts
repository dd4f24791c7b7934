import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { complaintsRoot } from './composition-root.js';
import { listComplaintsQuery } from './schemas.js';

/** The insurer's complaint inbox; `overdue=true` reads the due-date index below today (Asia/Shanghai). */
export const listComplaints = defineRoute({
  method: 'GET',
  path: '/api/v1/complaints',
  access: INSURER,
  summary: "The insurer's complaints, newest first; overdue ones from the due-date index",
  tags: ['complaints'],
  query: listComplaintsQuery,
  response: pageOf(complaintSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock } = complaintsRoot();
    const page = await (await forTenant(tenantId)).listByTenant(tenantId, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      withTotal: true,
      status: input.query.status,
      overdueOn: input.query.overdue === 'true' ? todayOf(clock) : undefined,
    });
    return { body: page };
  },
});
