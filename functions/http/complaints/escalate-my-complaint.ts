import { escalateComplaint } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { escalateComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadOwnComplaintAtInsurer } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/** CMP-6: the complainant takes its complaint to the EMB or the NFRA from its own console. */
export const escalateMyComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/me/complaints/{complaintId}/escalate',
  access: ENTERPRISE,
  summary: 'Take the complaint to the EMB or the NFRA (CMP-6)',
  tags: ['enterprise'],
  params: complaintIdParams,
  body: escalateComplaintBody,
  response: complaintSchema,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { repository, complaint } = await loadOwnComplaintAtInsurer(uscc, input.params.complaintId);
    const { clock } = complaintsRoot();
    const changed = escalateComplaint(complaint, input.body, userId, clock.now());
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
