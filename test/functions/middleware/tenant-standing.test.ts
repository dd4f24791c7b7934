import { afterEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../domain/identity/principal.js';
import { assertPrincipalCurrent, forgetTenant, PRINCIPAL_CACHE_MS, usePrincipalRecords } from '../../../functions/middleware/current-principal.js';

const staff: Principal = { userId: 'u1', username: 'li.ming', role: 'insurer-staff', tenantId: 't1', tokenVersion: 1 };
const colleague: Principal = { userId: 'u2', username: 'wang.fang', role: 'insurer-admin', tenantId: 't1', tokenVersion: 1 };
const regulator: Principal = { userId: 'r1', username: 'emb', role: 'regulator', agency: 'EMB_CITY', tokenVersion: 1 };

/** A table stand-in: every user current, the tenant's status settable, its reads counted. */
function source(status: string) {
  const state = { status, tenantReads: 0 };
  usePrincipalRecords({
    read: async (username) => {
      const principal = [staff, colleague, regulator].find((candidate) => candidate.username === username) as Principal;
      return { principal: { ...principal, tokenVersion: undefined }, disabled: false, tokenVersion: 1 };
    },
    tenantStatus: async () => {
      state.tenantReads += 1;
      return state.status;
    },
  });
  return state;
}

afterEach(() => usePrincipalRecords(undefined));

describe('ACL-3 (issue 15): the request-time check refuses a suspended insurer’s users', () => {
  it('ACL-3 a suspended tenant’s users get 403 TENANT_SUSPENDED; a regulator is never checked against a tenant', async () => {
    const table = source('SUSPENDED');
    await expect(assertPrincipalCurrent(staff, 0)).rejects.toMatchObject({ status: 403, code: 'TENANT_SUSPENDED' });
    await expect(assertPrincipalCurrent(regulator, 0)).resolves.toBeUndefined();
    expect(table.tenantReads).toBe(1);
  });

  it('ACL-3 one read per tenant per 30 s serves all its users; the writing container forgets it at once', async () => {
    const table = source('ACTIVE');
    await assertPrincipalCurrent(staff, 0);
    await assertPrincipalCurrent(colleague, 1);
    expect(table.tenantReads).toBe(1);
    table.status = 'SUSPENDED';
    await expect(assertPrincipalCurrent(staff, 1_000)).resolves.toBeUndefined(); // another container: still cached
    forgetTenant('t1'); // the container that wrote the suspension
    await expect(assertPrincipalCurrent(staff, 1_001)).rejects.toMatchObject({ code: 'TENANT_SUSPENDED' });
    table.status = 'ACTIVE';
    await expect(assertPrincipalCurrent(colleague, 1_001 + PRINCIPAL_CACHE_MS)).resolves.toBeUndefined(); // within 30 s everywhere
    expect(table.tenantReads).toBe(3);
  });
});
