import * as z from 'zod/mini';
import { claimSchema } from '../../../domain/claims/claim.js';
import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { claimsRoot } from './composition-root.js';
import { declinedClaimsQuery } from './schemas.js';

/**
 * CLM-1 / ACL-2 / ACL-4: every declined claim across insurers, with its reason, read-only. A county EMB reads
 * its own county only (asking for another is refused); the city EMB and the NFRA every county or one they name.
 */
export const listDeclinedClaims = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/claims',
  access: REGULATOR_READ,
  summary: 'Declined claims across insurers (a county EMB: its county only)',
  tags: ['regulator'],
  query: declinedClaimsQuery,
  response: pageOf(z.extend(claimSchema, { insurerName: z.string() })),
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    let county: string | undefined = input.query.county;
    if (caller.agency === 'EMB_COUNTY') {
      if (county !== undefined && county !== caller.county) throw new Forbidden('ACL-4: a county EMB sees its own county only');
      county = caller.county;
    }
    const { regulatorViews, platform } = claimsRoot();
    const page = await (await regulatorViews(caller)).listDeclined({ limit: input.query.limit, cursor: input.query.cursor, withTotal: true, county });
    const insurers = page.items.length > 0 ? await platform.listTenants({ limit: 100 }) : { items: [] };
    const names = new Map(insurers.items.map((tenant) => [tenant.id, tenant.branchName || tenant.name]));
    return { body: { ...page, items: page.items.map((claim) => ({ ...claim, insurerName: names.get(claim.tenantId) ?? claim.tenantId })) } };
  },
});
