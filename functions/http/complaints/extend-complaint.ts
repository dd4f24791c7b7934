import { extendComplaint as extend } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema, extendComplaintBody } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintDeps, loadComplaint } from './deps.js';
import { complaintIdParams } from './schemas.js';
import { INSURER } from '../../../domain/identity/access.js';

/** CMP-4: the one extension of a complex case, approved by the responsible officer, reason told to the complainant. */
export const extendComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/complaints/{complaintId}/extend',
  access: INSURER,
  summary: 'Extend a complex complaint once, by at most 30 days (CMP-4)',
  tags: ['complaints'],
  params: complaintIdParams,
  body: extendComplaintBody,
  response: complaintSchema,
  async handle(input) {
    const caller = callerOf(input);
    const { repository, complaint } = await loadComplaint(caller.tenantId as string, input.params.complaintId);
    const { clock } = complaintDeps();
    const rules = await complaintDeps().rules();
    const updated = extend(complaint, input.body, caller.userId, clock.now(), rules);
    await repository.save(updated, complaint.version);
    return { body: updated };
  },
});
