import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepAt, totpCode } from '../../functions/adapters/auth/totp.js';
import { ApiClient } from '../support/api-client.js';
import { unique } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue 21 through the local gateway: TOTP is required of the operator and the regulators, optional for the
 * others; an operator or regulator without it holds a token that opens the enrolment and nothing else.
 */
interface ErrorBody {
  error: { code: string; message: string; details?: { field: string }[] };
}
interface SignedIn {
  accessToken: string;
  mfa?: string;
  user: { role: string };
}

const DEMO = 'Anze-demo-2026';
let test: TestPlatform;
let operator: ApiClient;
const regulator = { username: unique('emb-mfa-'), password: 'Regulator-2026' };
let secret: string;
let enrolledStep: number;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  operator = await test.operator();
  const created = await operator.post('/platform/regulators', {
    agency: 'EMB_COUNTY',
    county: '140981',
    name: '原平市应急管理局',
    admin: { ...regulator, displayName: '原平市管理员' },
  });
  expect(created.status).toBe(201);
});

afterAll(async () => test?.stop());

const login = (body: Record<string, string>) => test.anonymous.post<SignedIn & ErrorBody>('/auth/login', body);

describe('issue 21: MFA (TOTP) on the local twin', () => {
  it('gives a regulator without TOTP an enrolment-only token: the API refuses it 403 MFA_SETUP_REQUIRED except the enrolment', async () => {
    const first = await login(regulator);
    expect(first.status).toBe(200);
    expect(first.body.mfa).toBe('SETUP_REQUIRED');
    expect(first.body.accessToken).toEqual(expect.any(String));
    const restricted = test.anonymous.withToken(first.body.accessToken);
    for (const path of ['/regulator/insurers', '/me/notification-preferences', '/users']) {
      const refused = await restricted.get<ErrorBody>(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('MFA_SETUP_REQUIRED');
      expect(refused.body.error.message).toContain('MFA');
    }

    const setup = await restricted.post<{ secret: string; otpauthUri: string }>('/auth/mfa/setup', {});
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toBe(`otpauth://totp/anze%3A${regulator.username}?secret=${setup.body.secret}&issuer=anze&algorithm=SHA1&digits=6&period=30`);
    secret = setup.body.secret;

    const step = stepAt(new Date());
    const wrong = await restricted.post<ErrorBody>('/auth/mfa/verify', { code: totpCode(secret, step + 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.map((problem) => problem.field)).toEqual(['code']);

    const verified = await restricted.post<SignedIn>('/auth/mfa/verify', { code: totpCode(secret, step) });
    expect(verified.status).toBe(200);
    expect(verified.body.mfa).toBeUndefined();
    enrolledStep = step;
    expect((await test.anonymous.withToken(verified.body.accessToken).get('/regulator/insurers')).status).toBe(200);
    // Once enabled the secret is never handed out again.
    expect((await test.anonymous.withToken(verified.body.accessToken).post('/auth/mfa/setup', {})).status).toBe(409);
  });

  it('then asks for the code at sign-in (a challenge, no token), refuses a wrong or replayed code naming code, and accepts the next one once', async () => {
    const challenged = await login(regulator);
    expect(challenged.status).toBe(200);
    expect(challenged.body).toEqual({ challenge: 'MFA_CODE' });

    const wrong = await login({ ...regulator, code: totpCode(secret, enrolledStep + 7) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('MFA_CODE_INVALID');
    expect(wrong.body.error.message).toMatch(/^code: /);

    // The code the enrolment used is spent.
    const replayedEnrolment = await login({ ...regulator, code: totpCode(secret, enrolledStep) });
    expect(replayedEnrolment.body.error?.code).toBe('MFA_CODE_INVALID');

    const code = totpCode(secret, enrolledStep + 1);
    const signedIn = await login({ ...regulator, code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.role).toBe('regulator-admin');
    expect((await test.anonymous.withToken(signedIn.body.accessToken).get('/regulator/insurers')).status).toBe(200);

    const replayed = await login({ ...regulator, code });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('MFA_CODE_INVALID');
  });

  it('lets an enterprise user and an insurer’s staff sign in with their password alone (MFA optional for them)', async () => {
    for (const username of ['ent-demo', 'picc-staff']) {
      const answer = await login({ username, password: DEMO });
      expect(answer.status, username).toBe(200);
      expect(answer.body.mfa).toBeUndefined();
      expect((await test.anonymous.withToken(answer.body.accessToken).get('/me/notification-preferences')).status).toBe(200);
    }
  });

  it('refuses a code of the wrong shape as a 400 naming code', async () => {
    const answer = await login({ ...regulator, code: '12ab' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('code');
  });
});
