import { requireVerification as require } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema, needsVerificationBody } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintDeps, loadComplaint } from './deps.js';
import { complaintIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

/** CMP-3: the facts need further verification — the working-day clock moves to 30 working days. */
export const requireVerification = defineRoute({
  method: 'POST',
  path: '/api/v1/complaints/{complaintId}/needs-verification',
  access: INSURER,
  summary: 'Mark a complaint as needing verification (CMP-3: 30 working days)',
  tags: ['complaints'],
  params: complaintIdParams,
  body: needsVerificationBody,
  response: complaintSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { repository, complaint } = await loadComplaint(caller.tenantId as string, input.params.complaintId);
    const { clock } = complaintDeps();
    const rules = await complaintDeps().rules();
    const updated = require(complaint, caller.userId, clock.now(), rules);
    await repository.save(updated, complaint.version);
    return { body: updated };
  },
});
