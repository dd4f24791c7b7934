import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../../domain/platform/tenant.js';
import { changeTenantStatus, tenantAdmitsUsers } from '../../../domain/platform/tenant.rules.js';

const tenant: Tenant = { id: 't1', name: '某财险忻州分公司', uscc: 'X', branchName: '某财险', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00.000Z', version: 3 };
const now = new Date('2026-12-06T08:00:00Z');

describe('ACL-3 (issue 15): suspending and resuming an insurer', () => {
  it('ACL-3 a suspension moves the version on, keeps the reason and raises platform.tenant.suspended', () => {
    const { state, events } = changeTenantStatus(tenant, 'SUSPENDED', '合同终止', now);
    expect(state).toMatchObject({ status: 'SUSPENDED', statusReason: '合同终止', statusChangedAt: '2026-12-06T08:00:00.000Z', version: 4 });
    expect(events.map((event) => [event.type, event.data])).toEqual([['platform.tenant.suspended', { tenantId: 't1', reason: '合同终止' }]]);
    expect(tenantAdmitsUsers(state.status)).toBe(false);
    const resumed = changeTenantStatus(state, 'ACTIVE', '续签', now);
    expect(resumed.events[0]?.type).toBe('platform.tenant.resumed');
    expect(tenantAdmitsUsers(resumed.state.status)).toBe(true);
  });

  it('ACL-3 asking for the status a tenant already has is a 409 naming status', () => {
    expect(() => changeTenantStatus(tenant, 'ACTIVE', '重复', now)).toThrow(expect.objectContaining({ ruleId: 'ACL-3', field: 'status', status: 409 }));
  });
});
