import { receiveComplaint, selfIntakeInput } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { countyOf } from './county-of.js';
import { fileComplaintBody } from './schemas.js';

/**
 * CMP-1: an enterprise files its own complaint in the console against an insurer it holds a policy with (第十九条:
 * 对投保单位提出的异议或投诉). Its USCC comes from its token only (ACL-5), and the insurer the complaint is
 * written to must be one of its policies' (issue 21: the tenant is never taken from the body alone — another
 * insurer's id answers 404 and nothing is written); the insurer receives it the moment it is filed
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
    const { platform, clock, newId, forTenant, rules, forEnterprise } = complaintsRoot();
    const [insurer, insures, complaintRules] = await Promise.all([platform.getTenant(insurerId), forEnterprise(uscc).then((enterprise) => enterprise.insurers.insures(uscc, insurerId)), rules()]);
    if (!insurer || !insures) throw new NotFound('insurer');
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
