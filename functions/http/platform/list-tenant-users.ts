import { OPERATOR } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { platformRoot } from './composition-root.js';
import { listQuery, tenantIdParams, tenantUserSchema } from './schemas.js';

/**
 * ACL-3 (issue 15): a tenant's users for the operator — name, role, status and last sign-in, never the tenant's
 * business data. Reads: the tenant (one GetItem, 404 when unknown), one Query page of its users and one
 * BatchGetItem of their sign-in records for the last sign-in.
 */
export const listTenantUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/tenants/{tenantId}/users',
  access: OPERATOR,
  summary: "An insurer's users: profiles and last sign-in only (ACL-3)",
  tags: ['platform'],
  params: tenantIdParams,
  query: listQuery,
  response: pageOf(tenantUserSchema),
  async handle({ params, query }) {
    const { repository } = platformRoot();
    if (!(await repository.getTenant(params.tenantId))) throw new NotFound('tenant');
    const page = await repository.listUsers({ kind: 'tenant', tenantId: params.tenantId }, { limit: query.limit, cursor: query.cursor, withTotal: true });
    const lastSignIns = await repository.lastSignIns(page.items.map((user) => user.username));
    const items = page.items.map((user) => {
      const lastSignInAt = lastSignIns.get(user.username);
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        disabled: user.disabled,
        createdAt: user.createdAt,
        ...(lastSignInAt ? { lastSignInAt } : {}),
      };
    });
    return { body: { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
