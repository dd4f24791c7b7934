import { afterEach, describe, expect, it } from 'vitest';
import type { PrincipalRecord } from '../../../domain/identity/principal-record.js';
import type { Principal } from '../../../domain/identity/principal.js';
import { assertPrincipalCurrent, forgetPrincipal, PRINCIPAL_CACHE_MS, usePrincipalRecords } from '../../../functions/middleware/current-principal.js';

const token: Principal = { userId: 'u1', username: 'li.ming', role: 'insurer-admin', tenantId: 't1', tokenVersion: 1 };

/** A principal-record source that counts its reads (each one a GetItem in the table adapter). */
function source(initial: PrincipalRecord) {
  const state = { record: initial, reads: 0 };
  usePrincipalRecords({
    read: async () => {
      state.reads += 1;
      return state.record;
    },
  });
  return state;
}

afterEach(() => usePrincipalRecords(undefined));

describe('issue 12 #1: the request-time principal check and its cache', () => {
  it('reads the record once per container and 30 s, then again', async () => {
    const records = source({ principal: token, disabled: false, tokenVersion: 1 });
    await assertPrincipalCurrent(token, 0);
    await assertPrincipalCurrent(token, PRINCIPAL_CACHE_MS - 1);
    expect(records.reads).toBe(1);
    await assertPrincipalCurrent(token, PRINCIPAL_CACHE_MS);
    expect(records.reads).toBe(2);
  });

  it('issue 12 #1: a disabling applies within 30 s everywhere, and at once where the change was written', async () => {
    const records = source({ principal: token, disabled: false, tokenVersion: 1 });
    await assertPrincipalCurrent(token, 0);
    records.record = { principal: token, disabled: true, tokenVersion: 2 };
    await expect(assertPrincipalCurrent(token, 1_000)).resolves.toBeUndefined(); // another container, still cached
    await expect(assertPrincipalCurrent(token, PRINCIPAL_CACHE_MS)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    records.record = { principal: token, disabled: false, tokenVersion: 1 };
    await assertPrincipalCurrent(token, 2 * PRINCIPAL_CACHE_MS);
    records.record = { principal: { ...token, role: 'insurer-staff' }, disabled: false, tokenVersion: 3 };
    forgetPrincipal(token.username); // the container that wrote the change
    await expect(assertPrincipalCurrent(token, 2 * PRINCIPAL_CACHE_MS + 1)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a user the table does not know', async () => {
    usePrincipalRecords({ read: async () => undefined });
    await expect(assertPrincipalCurrent(token, 0)).rejects.toThrow(/sign in again/);
  });
});
