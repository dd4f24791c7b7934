import { describe, expect, it } from 'vitest';
import { revocationOf, type PrincipalRecord } from '../../../domain/identity/principal-record.js';
import type { Principal } from '../../../domain/identity/principal.js';
import { assertNotChangingItself, changesStanding, type User } from '../../../domain/platform/user.js';

const principal: Principal = { userId: 'u1', username: 'li.ming', role: 'insurer-admin', tenantId: 't1' };
const record = (overrides: Partial<PrincipalRecord> = {}): PrincipalRecord => ({ principal, disabled: false, tokenVersion: 1, ...overrides });
const token = (overrides: Partial<Principal> = {}): Principal => ({ ...principal, tokenVersion: 1, ...overrides });

describe('issue 12 #1: a token speaks for its user only while the principal record agrees', () => {
  it('accepts a token of the current version, role and organisation', () => {
    expect(revocationOf(token(), record())).toBeUndefined();
    expect(revocationOf(token({ tokenVersion: 2 }), record())).toBeUndefined();
  });

  it('issue 12 #1: refuses a disabled user, a changed role or organisation, an older token version, a missing user', () => {
    expect(revocationOf(token(), record({ disabled: true }))).toBe('disabled');
    expect(revocationOf(token(), record({ principal: { ...principal, role: 'insurer-staff' } }))).toBe('role changed');
    expect(revocationOf(token(), record({ principal: { ...principal, tenantId: 't2' } }))).toBe('organisation changed');
    expect(revocationOf(token(), record({ tokenVersion: 4 }))).toBe('token revoked');
    expect(revocationOf(token(), record({ principal: { ...principal, userId: 'u2' } }))).toBe('no such user');
    expect(revocationOf(token(), undefined)).toBe('no such user');
  });

  it('reads a missing version as 0 on both sides (records and tokens from before token versions)', () => {
    expect(revocationOf(token({ tokenVersion: undefined }), record({ tokenVersion: undefined }))).toBeUndefined();
    expect(revocationOf(token({ tokenVersion: undefined }), record({ tokenVersion: 2 }))).toBe('token revoked');
  });
});

describe('issue 12 #1: nobody changes its own standing', () => {
  const user: User = {
    id: 'u1',
    username: 'li.ming',
    displayName: '李明',
    role: 'insurer-admin',
    disabled: false,
    tenantId: 't1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };

  it('refuses its own disabled flag or role, even unchanged, naming the field; allows them on another user', () => {
    expect(() => assertNotChangingItself('u1', user, { disabled: false })).toThrow(/^disabled:/);
    expect(() => assertNotChangingItself('u1', user, { disabled: true })).toThrow(/^disabled:/);
    expect(() => assertNotChangingItself('u1', user, { role: 'insurer-admin' })).toThrow(/^role:/);
    expect(() => assertNotChangingItself('u1', user, {})).not.toThrow();
    expect(() => assertNotChangingItself('u2', user, { disabled: true, role: 'insurer-staff' })).not.toThrow();
  });

  it('revokes tokens on a change of role or status, not of the display name', () => {
    expect(changesStanding(user, { ...user, disabled: true })).toBe(true);
    expect(changesStanding(user, { ...user, role: 'insurer-staff' })).toBe(true);
    expect(changesStanding(user, { ...user, displayName: '新名字' })).toBe(false);
  });
});
