import { escalateComplaint } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { escalateComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

/**
 * CMP-6: the insurer records that the complainant took the complaint to the EMB or the NFRA (by letter,
 * say); an enterprise escalating in its own console uses `POST /me/complaints/{id}/escalate`.
 */
export const recordEscalation = defineRoute({
  method: 'POST',
  path: '/api/v1/complaints/{complaintId}/escalate',
  access: INSURER,
  summary: "Record the complainant's escalation to the EMB or NFRA (CMP-6)",
  tags: ['complaints'],
  params: complaintIdParams,
  body: escalateComplaintBody,
  response: complaintSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { repository, complaint } = await loadComplaint(tenantId, input.params.complaintId);
    const changed = escalateComplaint(complaint, input.body, userId, complaintsRoot().clock.now());
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
