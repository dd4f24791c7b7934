import { replyToComplaint as reply } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { replyToComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/** CMP-5: a reply states the request, the facts found and their basis, and the measures taken. */
export const replyToComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/complaints/{complaintId}/reply',
  access: INSURER,
  summary: 'Reply to a complaint with its four required parts (CMP-5)',
  tags: ['complaints'],
  params: complaintIdParams,
  body: replyToComplaintBody,
  response: complaintSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { repository, complaint } = await loadComplaint(tenantId, input.params.complaintId);
    const changed = reply(complaint, input.body, userId, complaintsRoot().clock.now());
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
