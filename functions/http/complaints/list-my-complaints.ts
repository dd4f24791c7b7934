import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { complaintsRoot } from './composition-root.js';
import { myComplaintsQuery } from './schemas.js';

/** ACL-5: the enterprise's own complaints across every insurer, newest first. */
export const listMyComplaints = defineRoute({
  method: 'GET',
  path: '/api/v1/me/complaints',
  access: ENTERPRISE,
  summary: "The enterprise's own complaints across insurers",
  tags: ['enterprise'],
  query: myComplaintsQuery,
  response: pageOf(complaintSchema),
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    const page = await (await complaintsRoot().forEnterprise(uscc)).complaints.listByEnterprise(uscc, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      withTotal: true,
      status: input.query.status,
    });
    return { body: page };
  },
});
