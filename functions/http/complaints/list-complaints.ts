import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { complaintSchema } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { complaintDeps } from './deps.js';
import { listComplaintsQuery } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

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
    const tenantId = callerOf(input).tenantId as string;
    const { forTenant, clock } = complaintDeps();
    const page = await (await forTenant(tenantId)).listByTenant(tenantId, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      status: input.query.status,
      overdueOn: input.query.overdue === 'true' ? shanghaiDateOf(clock.now()) : undefined,
    });
    return { body: page };
  },
});
