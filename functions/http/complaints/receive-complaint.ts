import { receiveComplaint as receive } from '../../../domain/complaints/complaint.rules.js';
import { complaintSchema, receiveComplaintBody } from '../../../domain/complaints/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { complaintDeps, countyOf } from './deps.js';
import { INSURER } from '../../../domain/identity/access.js';

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
    const caller = callerOf(input);
    const tenantId = caller.tenantId as string;
    const { clock, newId, forTenant } = complaintDeps();
    const rules = await complaintDeps().rules();
    const now = clock.now();
    const complaint = receive(
      { ...input.body, county: countyOf(input.body.enterpriseUscc) },
      { ...rules, id: newId(now), tenantId, by: caller.userId, now },
    );
    await (await forTenant(tenantId)).create(complaint);
    return { body: complaint };
  },
});
