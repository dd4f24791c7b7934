import middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import { isAllowed, ACCESS_MATRIX } from '../../../functions/http/access-matrix.js';
import { Conflict, NotFound, RuleViolation, StaleVersion, ValidationFailed } from '../../../domain/kernel/errors.js';
import { toErrorResponse } from '../../../functions/middleware/error-envelope.js';
import { principalFromEvent } from '../../../functions/middleware/principal.js';
import { hashPassword, verifyPassword } from '../../../functions/adapters/auth/password.js';

const event = (claims: Record<string, string>) => ({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }) as never;

describe('the error envelope', () => {
  it('maps each domain error to its status, with the rule id where a rule was broken', () => {
    expect(toErrorResponse(new ValidationFailed([{ field: 'uscc', message: 'UW-2: bad', rule: 'UW-2' }]), 'r').status).toBe(400);
    const rule = toErrorResponse(new RuleViolation('UW-4', 'deathLimitFen', 'UW-4: below the floor'), 'r');
    expect(rule).toMatchObject({ status: 409, body: { error: { code: 'RULE_VIOLATION', rule: 'UW-4', details: [{ field: 'deathLimitFen', rule: 'UW-4' }] } } });
    expect(toErrorResponse(new NotFound('user'), 'r').status).toBe(404);
    expect(toErrorResponse(new Conflict('taken'), 'r').status).toBe(409);
    expect(toErrorResponse(new StaleVersion('user'), 'r').status).toBe(412);
  });

  it('answers the function running out of time (middy’s early timeout) with 503 and Retry-After, not 500', async () => {
    const slow = middy(async () => new Promise((resolve) => setTimeout(resolve, 2_000)));
    const context = { getRemainingTimeInMillis: () => 60 } as never;
    const thrown = await slow({}, context).then(
      () => undefined,
      (error: unknown) => error,
    );
    const answer = toErrorResponse(thrown, 'req-2');
    expect(answer).toMatchObject({ status: 503, known: true, headers: { 'retry-after': '10' }, body: { error: { code: 'TIMEOUT' } } });
    // Any other TimeoutError-named error from our own code is not mistaken for it.
    const ours = Object.assign(new Error('x'), { name: 'TimeoutError' });
    expect(toErrorResponse(ours, 'r').status).toBe(500);
  });

  it('answers an unknown error with 500 and no internals', () => {
    const answer = toErrorResponse(new Error('secret table name anze-main in /var/task'), 'req-1');
    expect(answer).toMatchObject({ status: 500, known: false, body: { error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|var\/task|stack/);
  });
});

describe('the principal comes from the token claims only', () => {
  it('reads an insurer principal', () => {
    expect(principalFromEvent(event({ sub: 'u1', username: 'a', 'custom:role': 'insurer-admin', 'custom:tenantId': 't1' }))).toEqual({
      userId: 'u1',
      username: 'a',
      role: 'insurer-admin',
      tenantId: 't1',
      agency: undefined,
      county: undefined,
      uscc: undefined,
    });
  });

  it('takes our user id from custom:userId where the token has it (Cognito: sub is its own id)', () => {
    const cognito = { sub: '5c8a1f7e-cognito', 'cognito:username': 'a', username: 'a', 'custom:userId': 'u1', 'custom:role': 'insurer-admin', 'custom:tenantId': 't1' };
    expect(principalFromEvent(event(cognito))).toMatchObject({ userId: 'u1', username: 'a' });
  });

  it('ACL-4 refuses claims that contradict the role: an insurer without tenant, a county EMB without county', () => {
    expect(() => principalFromEvent(event({ sub: 'u1', username: 'a', 'custom:role': 'insurer-staff' }))).toThrow(/do not fit/);
    expect(() => principalFromEvent(event({ sub: 'u1', username: 'a', 'custom:role': 'regulator', 'custom:agency': 'EMB_COUNTY' }))).toThrow(/do not fit/);
    expect(() =>
      principalFromEvent(event({ sub: 'u1', username: 'a', 'custom:role': 'regulator', 'custom:agency': 'NFRA', 'custom:tenantId': 't1' })),
    ).toThrow(/do not fit/);
    expect(() => principalFromEvent(event({ sub: 'u1', username: 'a', 'custom:role': 'root' }))).toThrow(/known role/);
  });

  it('has no principal without claims (public routes)', () => {
    expect(principalFromEvent({ requestContext: {} } as never)).toBeUndefined();
  });
});

describe('the access matrix', () => {
  it('ACL-3 lets only the operator onboard, and denies a route it does not list', () => {
    expect(isAllowed('POST /api/v1/platform/tenants', 'platform-operator')).toBe(true);
    expect(isAllowed('POST /api/v1/platform/tenants', 'regulator-admin', 'EMB_CITY')).toBe(false);
    expect(isAllowed('GET /api/v1/not/listed', 'platform-operator')).toBe(false);
  });

  it('ACL-3 never lets the operator manage an organisation’s users', () => {
    const userRoutes = Object.keys(ACCESS_MATRIX).filter((key) => key.includes('/users'));
    expect(userRoutes.length).toBeGreaterThan(0);
    // Issue 15: reading a tenant's user profiles (name, role, status, last sign-in) is the operator's one exception.
    expect(userRoutes.filter((key) => isAllowed(key, 'platform-operator'))).toEqual(['GET /api/v1/platform/tenants/{tenantId}/users']);
  });
});

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const first = await hashPassword('Correct-horse-2026');
    const second = await hashPassword('Correct-horse-2026');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-horse-2026', first)).toBe(true);
    expect(await verifyPassword('correct-horse-2026', first)).toBe(false);
    expect(await verifyPassword('Correct-horse-2026', 'plain-text')).toBe(false);
  });
});
