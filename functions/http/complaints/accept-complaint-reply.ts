import { acceptReply } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadOwnComplaintAtInsurer } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/** The complainant accepts the insurer's reply, which closes the complaint (`complaints.complaint.accepted`). */
export const acceptMyComplaintReply = defineRoute({
  method: 'POST',
  path: '/api/v1/me/complaints/{complaintId}/accept',
  access: ENTERPRISE,
  summary: "Accept the insurer's reply",
  tags: ['enterprise'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { repository, complaint } = await loadOwnComplaintAtInsurer(uscc, input.params.complaintId);
    const { clock } = complaintsRoot();
    const changed = acceptReply(complaint, userId, clock.now());
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
