import { receiveComplaint, selfIntakeInput } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { countyOf } from './county-of.js';
import { fileComplaintBody } from './schemas.js';

/**
 * CMP-1: an enterprise files its own complaint in the console against any insurer on the platform. Its USCC
 * comes from its token only (ACL-5); the insurer receives it the moment it is filed
 * (`complaints.complaint.received`).
 */
export const fileComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/me/complaints',
  access: ENTERPRISE,
  summary: 'File a complaint against an insurer (CMP-1: the insurer is told at once)',
  tags: ['enterprise'],
  body: fileComplaintBody,
  response: complaintSchema,
  successStatus: 201,
  async handle(input) {
    const { uscc, userId } = callerOf(input, 'enterprise');
    const { insurerId, ...said } = input.body;
    const { platform, clock, newId, forTenant, rules } = complaintsRoot();
    const [insurer, complaintRules] = await Promise.all([platform.getTenant(insurerId), rules()]);
    if (!insurer) throw new NotFound('insurer');
    const now = clock.now();
    const received = receiveComplaint(selfIntakeInput(said, { enterpriseUscc: uscc, now, county: countyOf(uscc) }), {
      ...complaintRules,
      id: newId(now),
      tenantId: insurerId,
      by: userId,
      now,
    });
    await (await forTenant(insurerId)).create(received);
    return { body: received.state };
  },
});
