import { complaintSchema } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { loadComplaint } from './deps.js';
import { complaintIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

export const getComplaint = defineRoute({
  method: 'GET',
  path: '/api/v1/complaints/{complaintId}',
  access: INSURER,
  summary: 'One complaint with its deadlines and timeline',
  tags: ['complaints'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    const { complaint } = await loadComplaint(callerOf(input).tenantId as string, input.params.complaintId);
    return { body: complaint };
  },
});
