import * as z from 'zod/mini';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';

/** An insurer another insurer may name as a co-insurer: who it is, nothing of its data (ACL-1). */
const coinsurerSchema = z.object({
  id: z.string().check(z.meta({ description: "The insurer's tenant id, sent as members[].tenantId" })),
  name: z.string(),
  branchName: z.string(),
});

/**
 * UW-6 (issue 15): the insurers a lead may name as co-insurers, by name — active ones other than the caller, so
 * the console offers a picker instead of asking for other insurers' internal ids. Names and ids only.
 */
export const listCoinsurers = defineRoute({
  method: 'GET',
  path: '/api/v1/coinsurers',
  access: INSURER,
  summary: 'Active insurers a lead may name as co-insurers (UW-6): names and ids only',
  tags: ['underwriting'],
  response: z.object({ items: z.array(coinsurerSchema) }),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const page = await underwritingRoot().platform.listTenants({ limit: 100 });
    const items = page.items
      .filter((tenant) => tenant.status === 'ACTIVE' && tenant.id !== tenantId)
      .map(({ id, name, branchName }) => ({ id, name, branchName }))
      .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN'));
    return { body: { items } };
  },
});
