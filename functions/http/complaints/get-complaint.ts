import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/** ACL-1: one of the insurer's complaints with its deadlines and timeline; another insurer's answers 404. */
export const getComplaint = defineRoute({
  method: 'GET',
  path: '/api/v1/complaints/{complaintId}',
  access: INSURER,
  summary: 'One complaint with its deadlines and timeline',
  tags: ['complaints'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    const { complaint } = await loadComplaint(callerOf(input, 'insurer').tenantId, input.params.complaintId);
    return { body: complaint };
  },
});
