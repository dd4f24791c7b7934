import { requireVerification as require } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { needsVerificationBody } from '../../../domain/complaints/complaint.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { loadComplaint } from './load-complaint.js';
import { complaintIdParams } from './schemas.js';

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
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { clock, rules } = complaintsRoot();
    const [{ repository, complaint }, complaintRules] = await Promise.all([loadComplaint(tenantId, input.params.complaintId), rules()]);
    const changed = require(complaint, userId, clock.now(), complaintRules);
    await repository.save(changed, complaint.version);
    return { body: changed.state };
  },
});
