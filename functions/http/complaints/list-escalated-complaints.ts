import * as z from 'zod/mini';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { complaintsRoot } from './composition-root.js';
import { escalatedQuery } from './schemas.js';

/**
 * CMP-6 / ACL-2 / ACL-4: escalated complaints, read-only, across insurers. A county EMB reads its own county
 * only (asking for another is refused); the city EMB and the NFRA read every county or one they name.
 */
export const listEscalatedComplaints = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/complaints',
  access: REGULATOR_READ,
  summary: 'Escalated complaints across insurers (a county EMB: its county only)',
  tags: ['regulator'],
  query: escalatedQuery,
  // Issue 15: the insurer by its name beside its tenant id (regulators read names, not ids).
  response: pageOf(z.extend(complaintSchema, { insurerName: z.string() })),
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    let county: string | undefined = input.query.county;
    if (caller.agency === 'EMB_COUNTY') {
      if (county !== undefined && county !== caller.county) throw new Forbidden('ACL-4: a county EMB sees its own county only');
      county = caller.county;
    }
    const page = await (await complaintsRoot().regulatorViews(caller)).listEscalated({
      limit: input.query.limit,
      cursor: input.query.cursor,
      withTotal: true,
      county,
      to: input.query.to,
    });
    const insurers = page.items.length > 0 ? await complaintsRoot().platform.listTenants({ limit: 100 }) : { items: [] };
    const names = new Map(insurers.items.map((tenant) => [tenant.id, tenant.branchName || tenant.name]));
    return { body: { ...page, items: page.items.map((complaint) => ({ ...complaint, insurerName: names.get(complaint.tenantId) ?? complaint.tenantId })) } };
  },
});
