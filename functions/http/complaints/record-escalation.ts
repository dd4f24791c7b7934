import { escalateComplaint } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema, escalateComplaintBody } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintDeps, loadComplaint } from './deps.js';
import { complaintIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

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
    const caller = callerOf(input);
    const { repository, complaint } = await loadComplaint(caller.tenantId as string, input.params.complaintId);
    const updated = escalateComplaint(complaint, input.body, caller.userId, complaintDeps().clock.now());
    await repository.save(updated, complaint.version);
    return { body: updated };
  },
});
