import { receiveComplaint as receive } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { receiveComplaintBody } from '../../../domain/complaints/complaint.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { countyOf } from './county-of.js';

/**
 * CMP-1: insurer staff record a complaint received by phone, letter, visit or online. Both clocks start
 * from the Asia/Shanghai day of receipt (CMP-7); `complaints.complaint.received` goes out with it.
 */
export const receiveComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/complaints',
  access: INSURER,
  summary: 'Record a complaint received by the insurer (CMP-1)',
  tags: ['complaints'],
  body: receiveComplaintBody,
  response: complaintSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { clock, newId, forTenant, rules } = complaintsRoot();
    const complaintRules = await rules();
    const now = clock.now();
    const received = receive(
      { ...input.body, county: countyOf(input.body.enterpriseUscc) },
      { ...complaintRules, id: newId(now), tenantId, by: userId, now },
    );
    await (await forTenant(tenantId)).create(received);
    return { body: received.state };
  },
});
