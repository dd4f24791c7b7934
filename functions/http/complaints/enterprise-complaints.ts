import { acceptReply, escalateComplaint, receiveComplaint, selfIntakeInput } from '../../../domain/complaints/complaint.rules.js';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import { complaintSchema, escalateComplaintBody } from '../../../domain/complaints/schemas.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import * as z from 'zod/mini';
import { pageOf } from '../zod.js';
import { complaintDeps, countyOf } from './deps.js';
import { complaintIdParams, fileComplaintBody, insurerSummary, myComplaintsQuery } from './schemas.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';

/**
 * The enterprise's side of complaints (ACL-5): it files complaints against any insurer on the platform, sees
 * its own across insurers, accepts a reply or escalates (CMP-6). Its USCC comes from its token only.
 */

/** An enterprise's complaint by id (GSI3, exact key): another enterprise's answers 404 like a missing one. */
async function ownComplaint(uscc: string, complaintId: string): Promise<Complaint> {
  const complaint = await complaintDeps().views.getForEnterprise(uscc, complaintId);
  if (!complaint) throw new NotFound('complaint');
  return complaint;
}

export const listInsurersForEnterprise = defineRoute({
  method: 'GET',
  path: '/api/v1/me/insurers',
  access: ENTERPRISE,
  summary: 'Insurers an enterprise can address a complaint to (names only)',
  tags: ['enterprise'],
  response: z.object({ items: z.array(insurerSummary) }),
  async handle() {
    const page = await complaintDeps().platform.listTenants({ limit: 100 });
    return { body: { items: page.items.map(({ id, name, branchName }) => ({ id, name, branchName })) } };
  },
});

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
    const caller = callerOf(input);
    const uscc = caller.uscc as string;
    const { insurerId, ...said } = input.body;
    const { platform, clock, newId, forTenant } = complaintDeps();
    const rules = await complaintDeps().rules();
    if (!(await platform.getTenant(insurerId))) throw new NotFound('insurer');
    const now = clock.now();
    const complaint = receiveComplaint(selfIntakeInput(said, { enterpriseUscc: uscc, now, county: countyOf(uscc) }), {
      ...rules,
      id: newId(now),
      tenantId: insurerId,
      by: caller.userId,
      now,
    });
    await (await forTenant(insurerId)).create(complaint);
    return { body: complaint };
  },
});

export const listMyComplaints = defineRoute({
  method: 'GET',
  path: '/api/v1/me/complaints',
  access: ENTERPRISE,
  summary: "The enterprise's own complaints across insurers",
  tags: ['enterprise'],
  query: myComplaintsQuery,
  response: pageOf(complaintSchema),
  async handle(input) {
    const uscc = callerOf(input).uscc as string;
    const page = await complaintDeps().views.listByEnterprise(uscc, {
      limit: input.query.limit,
      cursor: input.query.cursor,
      status: input.query.status,
    });
    return { body: page };
  },
});

export const getMyComplaint = defineRoute({
  method: 'GET',
  path: '/api/v1/me/complaints/{complaintId}',
  access: ENTERPRISE,
  summary: "One of the enterprise's complaints, with the insurer's reply",
  tags: ['enterprise'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    return { body: await ownComplaint(callerOf(input).uscc as string, input.params.complaintId) };
  },
});

export const acceptMyComplaintReply = defineRoute({
  method: 'POST',
  path: '/api/v1/me/complaints/{complaintId}/accept',
  access: ENTERPRISE,
  summary: "Accept the insurer's reply",
  tags: ['enterprise'],
  params: complaintIdParams,
  response: complaintSchema,
  async handle(input) {
    const caller = callerOf(input);
    const complaint = await ownComplaint(caller.uscc as string, input.params.complaintId);
    const updated = acceptReply(complaint, caller.userId, complaintDeps().clock.now());
    await (await complaintDeps().forTenant(complaint.tenantId)).save(updated, complaint.version);
    return { body: updated };
  },
});

export const escalateMyComplaint = defineRoute({
  method: 'POST',
  path: '/api/v1/me/complaints/{complaintId}/escalate',
  access: ENTERPRISE,
  summary: 'Take the complaint to the EMB or the NFRA (CMP-6)',
  tags: ['enterprise'],
  params: complaintIdParams,
  body: escalateComplaintBody,
  response: complaintSchema,
  async handle(input) {
    const caller = callerOf(input);
    const complaint = await ownComplaint(caller.uscc as string, input.params.complaintId);
    const updated = escalateComplaint(complaint, input.body, caller.userId, complaintDeps().clock.now());
    await (await complaintDeps().forTenant(complaint.tenantId)).save(updated, complaint.version);
    return { body: updated };
  },
});
