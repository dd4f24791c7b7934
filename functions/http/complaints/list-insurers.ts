import * as z from 'zod/mini';
import { ENTERPRISE } from '../../../domain/identity/access.js';
import { defineRoute } from '../../middleware/route.js';
import { complaintsRoot } from './composition-root.js';
import { insurerSummary } from './schemas.js';

/** CMP-1: the insurers an enterprise can address a complaint to — names only, nothing of their data (ACL-5). */
export const listInsurersForEnterprise = defineRoute({
  method: 'GET',
  path: '/api/v1/me/insurers',
  access: ENTERPRISE,
  summary: 'Insurers an enterprise can address a complaint to (names only)',
  tags: ['enterprise'],
  response: z.object({ items: z.array(insurerSummary) }),
  async handle() {
    const page = await complaintsRoot().platform.listTenants({ limit: 100 });
    return { body: { items: page.items.map(({ id, name, branchName }) => ({ id, name, branchName })) } };
  },
});
