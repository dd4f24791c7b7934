import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadOwnComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/** ACL-5: one of the enterprise's complaints, whichever insurer it is against; another's answers 404. */
export const getMyComplaint = defineRoute({
  method: 'GET',
  path: '/api/v1/me/complaints/{complaintId}',
  access: ENTERPRISE,
  summary: "One of the enterprise's complaints, with the insurer's reply",
  tags: ['enterprise'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    const { uscc } = callerOf(input, 'enterprise');
    return { body: await loadOwnComplaint(uscc, input.params.complaintId) };
  },
});
