import { ACCESS_LOG_READ } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { accessLogPageSchema, accessLogQuery } from './notice-schemas.js';
import { noticesRoot } from './notices-composition-root.js';

/**
 * Issue 14 (access log), ACL-1: who among the regulators read the caller's insurer's data, what and when, newest
 * first, optionally of one agency — the insurer admin's, from its own partition with its tenant role.
 */
export const listAccessLog = defineRoute({
  method: 'GET',
  path: '/api/v1/access-log',
  access: ACCESS_LOG_READ,
  summary: "Regulators' reads of the caller's insurer's data, newest first (by agency); the insurer admin",
  tags: ['notices'],
  query: accessLogQuery,
  response: accessLogPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { accessLog } = await noticesRoot().forTenant(tenantId);
    const page = await accessLog.list(tenantId, { ...input.query, withTotal: true });
    return { body: { items: page.items.map(({ tenantId: _tenant, ...entry }) => entry), nextCursor: page.nextCursor, total: page.total } };
  },
});
