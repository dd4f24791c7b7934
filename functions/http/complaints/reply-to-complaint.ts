import { replyToComplaint as reply } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema, replyToComplaintBody } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintDeps, loadComplaint } from './deps.js';
import { complaintIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

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
    const caller = callerOf(input);
    const { repository, complaint } = await loadComplaint(caller.tenantId as string, input.params.complaintId);
    const updated = reply(complaint, input.body, caller.userId, complaintDeps().clock.now());
    await repository.save(updated, complaint.version);
    return { body: updated };
  },
});
