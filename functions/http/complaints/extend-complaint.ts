import { extendComplaint as extend } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { extendComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { clock, rules } = complaintsRoot();
    const [{ repository, complaint }, complaintRules] = await Promise.all([loadComplaint(tenantId, input.params.complaintId), rules()]);
    const changed = extend(complaint, input.body, userId, clock.now(), complaintRules);
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
