import { createDiffieHellmanGroup, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MfaSetupRequired, SignInError } from './auth-session';
import { CognitoIdentityProvider, cognitoEndpoint } from './cognito-identity-provider';

const config = { region: 'cn-north-1', userPoolId: 'cn-north-1_pool', clientId: 'client-1' };

describe('cognitoEndpoint', () => {
  it('uses amazonaws.com.cn in China regions, amazonaws.com elsewhere, or the configured endpoint', () => {
    expect(cognitoEndpoint(config)).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(cognitoEndpoint({ ...config, region: 'ap-east-1' })).toBe('https://cognito-idp.ap-east-1.amazonaws.com/');
    expect(cognitoEndpoint({ ...config, endpoint: 'https://vpce.example/' })).toBe('https://vpce.example/');
  });
});

const base64url = (value: unknown): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const idToken = (claims: Record<string, unknown>): string => `${base64url({ alg: 'RS256' })}.${base64url(claims)}.signature`;

/**
 * Cognito's side of SRP, written independently of cognito-srp.ts with node:crypto: the group from Node's own
 * `modp15` (RFC 3526 group 15, the 3072-bit prime Cognito uses), the verifier from the password as Cognito stores
 * it, and the proof checked with Node's HKDF. It answers InitiateAuth(USER_SRP_AUTH) with PASSWORD_VERIFIER and
 * RespondToAuthChallenge with `then` (tokens, or a further challenge) when the proof holds, else NotAuthorized.
 */
function fakeCognitoSrp(options: { password: string; userIdForSrp: string; then: { status: number; body: unknown } }) {
  const N = BigInt(`0x${createDiffieHellmanGroup('modp15').getPrime('hex')}`);
  const g = 2n;
  const pad = (value: bigint) => {
    const hex = value.toString(16);
    return hex.length % 2 === 1 ? `0${hex}` : /^[89a-f]/.test(hex) ? `00${hex}` : hex;
  };
  const pow = (base: bigint, exponent: bigint): bigint => {
    let result = 1n;
    let b = ((base % N) + N) % N;
    for (let e = exponent; e > 0n; e >>= 1n) {
      if (e & 1n) result = (result * b) % N;
      b = (b * b) % N;
    }
    return result;
  };
  const H = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
  const poolName = 'pool';
  const salt = BigInt(`0x${randomBytes(16).toString('hex')}`);
  const x = BigInt(`0x${H(pad(salt) + createHash('sha256').update(`${poolName}${options.userIdForSrp}:${options.password}`).digest('hex'))}`);
  const v = pow(g, x);
  const k = BigInt(`0x${H(pad(N) + pad(g))}`);
  const b = BigInt(`0x${randomBytes(64).toString('hex')}`);
  const B = (k * v + pow(g, b)) % N;
  const secretBlock = randomBytes(48).toString('base64');
  let A = 0n;
  const requests: { target: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const target = String((init.headers as Record<string, string>)['X-Amz-Target']).split('.').pop() ?? '';
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    requests.push({ target, body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status });
    if (target === 'InitiateAuth') {
      A = BigInt(`0x${(body.AuthParameters as Record<string, string>).SRP_A}`);
      return json(200, {
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeParameters: { SALT: salt.toString(16), SRP_B: B.toString(16), SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: options.userIdForSrp, USERNAME: options.userIdForSrp },
      });
    }
    const responses = body.ChallengeResponses as Record<string, string>;
    const u = BigInt(`0x${H(pad(A) + pad(B))}`);
    const S = pow(A * pow(v, u), b);
    const key = Buffer.from(hkdfSync('sha256', Buffer.from(pad(S), 'hex'), Buffer.from(pad(u), 'hex'), 'Caldera Derived Key', 16));
    const expected = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(options.userIdForSrp), Buffer.from(secretBlock, 'base64'), Buffer.from(responses.TIMESTAMP ?? '')]))
      .digest('base64');
    if (responses.PASSWORD_CLAIM_SIGNATURE !== expected || responses.USERNAME !== options.userIdForSrp) {
      return json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
    return json(options.then.status, options.then.body);
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

function fakeFetch(answers: { status: number; body: unknown }[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

describe('CognitoIdentityProvider', () => {
  it('issue 21: signs in with SRP — the password never leaves the browser — and reads the user from the ID token claims', async () => {
    const token = idToken({
      sub: 'sub-1',
      'cognito:username': 'emb-xinfu',
      name: '忻府区应急管理局',
      'custom:role': 'regulator',
      'custom:agency': 'EMB_COUNTY',
      'custom:county': '140902',
      exp: 1_900_000_000,
    });
    const cognito = fakeCognitoSrp({
      password: 'Correct-Horse-9',
      userIdForSrp: 'b3f1c2d4-0000-4000-8000-000000000001',
      then: { status: 200, body: { AuthenticationResult: { IdToken: token, RefreshToken: 'refresh-1', ExpiresIn: 3600 } } },
    });
    const sentAt = new Date('2026-12-06T09:05:03Z');
    const session = await new CognitoIdentityProvider(config, cognito.fetchImpl, () => sentAt).signIn({ username: 'emb-xinfu', password: 'Correct-Horse-9' });

    expect(cognito.requests.map((request) => request.target)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(cognito.requests[0]?.body).toEqual({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: 'client-1',
      AuthParameters: { USERNAME: 'emb-xinfu', SRP_A: expect.stringMatching(/^[0-9a-f]{700,}$/) },
    });
    expect(cognito.requests[1]?.body).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: 'client-1',
      ChallengeResponses: { USERNAME: 'b3f1c2d4-0000-4000-8000-000000000001', TIMESTAMP: 'Sun Dec 6 09:05:03 UTC 2026' },
    });
    expect(JSON.stringify(cognito.requests)).not.toContain('Correct-Horse-9');
    expect(session).toEqual({
      mode: 'cognito',
      token,
      refreshToken: 'refresh-1',
      expiresAt: 1_900_000_000_000,
      user: { id: 'sub-1', username: 'emb-xinfu', displayName: '忻府区应急管理局', role: 'regulator', agency: 'EMB_COUNTY', county: '140902', tenantId: undefined, uscc: undefined },
    });
  });

  it('issue 21: a wrong password fails Cognito’s proof check and reads as invalid credentials', async () => {
    const cognito = fakeCognitoSrp({ password: 'Correct-Horse-9', userIdForSrp: 'u-1', then: { status: 200, body: {} } });
    await expect(new CognitoIdentityProvider(config, cognito.fetchImpl).signIn({ username: 'u', password: 'wrong-horse' })).rejects.toMatchObject({
      failure: 'invalid-credentials',
    });
  });

  it('refreshes with REFRESH_TOKEN_AUTH and keeps the refresh token', async () => {
    const token = idToken({ sub: 's', 'cognito:username': 'u', 'custom:role': 'insurer-staff', 'custom:tenantId': 't1', exp: 1_900_000_000 });
    const { fetchImpl, requests } = fakeFetch([{ status: 200, body: { AuthenticationResult: { IdToken: token } } }]);
    const provider = new CognitoIdentityProvider(config, fetchImpl);
    const renewed = await provider.refresh({ mode: 'cognito', token: 'old', expiresAt: 0, refreshToken: 'refresh-1', user: { id: 's', username: 'u', role: 'insurer-staff', displayName: 'u' } });
    expect(JSON.parse(String(requests[0]?.init.body))).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'refresh-1' } });
    expect(renewed).toMatchObject({ token, refreshToken: 'refresh-1', user: { tenantId: 't1' } });
  });

  it('maps Cognito errors to what the sign-in page says', async () => {
    const cases = [
      [{ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }, 'invalid-credentials'],
      [{ __type: 'UserNotFoundException' }, 'invalid-credentials'],
      [{ __type: 'TooManyRequestsException' }, 'too-many-attempts'],
      [{ __type: 'InternalErrorException' }, 'unavailable'],
    ] as const;
    for (const [body, failure] of cases) {
      const { fetchImpl } = fakeFetch([{ status: 400, body }]);
      const error = await new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'u', password: 'p' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignInError);
      expect((error as SignInError).failure, body.__type).toBe(failure);
    }
    const { fetchImpl } = fakeCognitoSrp({ password: 'p', userIdForSrp: 'u', then: { status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' } } });
    await expect(new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'u', password: 'p' })).rejects.toMatchObject({ failure: 'new-password-required' });
  });

  it('takes the user id from custom:userId (the pre-token trigger) and the role from custom:role', async () => {
    const token = idToken({
      sub: 'cognito-sub-7',
      'cognito:username': 'picc-staff',
      'custom:userId': '01JUSERID0000000000000000',
      'custom:role': 'insurer-staff',
      'custom:tenantId': 't-1',
      exp: 1_900_000_000,
    });
    const { fetchImpl } = fakeCognitoSrp({ password: 'pw', userIdForSrp: 'picc-staff', then: { status: 200, body: { AuthenticationResult: { IdToken: token, RefreshToken: 'r' } } } });
    const session = await new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'picc-staff', password: 'pw' });
    expect(session.user).toMatchObject({ id: '01JUSERID0000000000000000', role: 'insurer-staff', tenantId: 't-1' });
  });

  it('falls back to sub without custom:userId, and refuses a token without custom:role', async () => {
    const withoutId = idToken({ sub: 'cognito-sub-8', 'cognito:username': 'u', 'custom:role': 'regulator', exp: 1_900_000_000 });
    const first = fakeCognitoSrp({ password: 'p', userIdForSrp: 'u', then: { status: 200, body: { AuthenticationResult: { IdToken: withoutId } } } });
    expect((await new CognitoIdentityProvider(config, first.fetchImpl).signIn({ username: 'u', password: 'p' })).user.id).toBe('cognito-sub-8');

    const withoutRole = idToken({ sub: 's', 'cognito:username': 'u', 'custom:userId': 'x', exp: 1_900_000_000 });
    const second = fakeCognitoSrp({ password: 'p', userIdForSrp: 'u', then: { status: 200, body: { AuthenticationResult: { IdToken: withoutRole } } } });
    await expect(new CognitoIdentityProvider(config, second.fetchImpl).signIn({ username: 'u', password: 'p' })).rejects.toMatchObject({
      failure: 'not-a-console-user',
    });
  });

  /** The SRP fake for InitiateAuth and the password proof, then `after` for every later call (MFA, enrolment). */
  const withMfa = (srpThen: unknown, after: (target: string, body: Record<string, unknown>) => unknown) => {
    const srp = fakeCognitoSrp({ password: 'pw', userIdForSrp: 'srp-id-1', then: { status: 200, body: srpThen } });
    const later: { target: string; body: Record<string, unknown> }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      if (srp.requests.length < 2) return srp.fetchImpl(url, init);
      const target = String((init.headers as Record<string, string>)['X-Amz-Target']).split('.').pop() ?? '';
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      later.push({ target, body });
      return new Response(JSON.stringify(after(target, body)), { status: 200 });
    }) as unknown as typeof fetch;
    return { fetchImpl, later };
  };

  it('issue 21: answers the SOFTWARE_TOKEN_MFA challenge with the code (RespondToAuthChallenge), and asks for one when none was typed', async () => {
    const token = idToken({ sub: 's', 'cognito:username': 'emb-city', 'custom:role': 'regulator-admin', 'custom:agency': 'EMB_CITY', exp: 1_900_000_000 });
    const challenge = { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'mfa-session-1', ChallengeParameters: {} };
    const without = withMfa(challenge, () => ({}));
    await expect(new CognitoIdentityProvider(config, without.fetchImpl).signIn({ username: 'emb-city', password: 'pw' })).rejects.toMatchObject({
      failure: 'mfa-code-required',
    });
    expect(without.later).toEqual([]);

    const withCode = withMfa(challenge, () => ({ AuthenticationResult: { IdToken: token, RefreshToken: 'r' } }));
    const session = await new CognitoIdentityProvider(config, withCode.fetchImpl).signIn({ username: 'emb-city', password: 'pw', code: '123456' });
    expect(withCode.later).toEqual([
      {
        target: 'RespondToAuthChallenge',
        body: {
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          ClientId: 'client-1',
          ChallengeResponses: { USERNAME: 'srp-id-1', SOFTWARE_TOKEN_MFA_CODE: '123456' },
          Session: 'mfa-session-1',
        },
      },
    ]);
    expect(session.user).toMatchObject({ role: 'regulator-admin', agency: 'EMB_CITY' });
  });

  it('issue 21: a wrong code (CodeMismatchException) reads as mfa-code-invalid', async () => {
    const srp = fakeCognitoSrp({ password: 'pw', userIdForSrp: 'u', then: { status: 200, body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' } } });
    let calls = 0;
    const fetchImpl = (async (url: string, init: RequestInit) =>
      (calls += 1) <= 2 ? srp.fetchImpl(url, init) : new Response(JSON.stringify({ __type: 'CodeMismatchException' }), { status: 400 })) as unknown as typeof fetch;
    await expect(new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'u', password: 'pw', code: '000000' })).rejects.toMatchObject({
      failure: 'mfa-code-invalid',
    });
  });

  it('issue 21: a token marked custom:mfa = SETUP_REQUIRED enrols with the access token: AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference', async () => {
    const restricted = idToken({ sub: 's', 'cognito:username': 'operator', 'custom:mfa': 'SETUP_REQUIRED', exp: 1_900_000_000 });
    const cognito = withMfa({ AuthenticationResult: { IdToken: restricted, AccessToken: 'access-1', RefreshToken: 'r' } }, (target) =>
      target === 'AssociateSoftwareToken' ? { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'x' } : target === 'VerifySoftwareToken' ? { Status: 'SUCCESS' } : {},
    );
    const error = await new CognitoIdentityProvider(config, cognito.fetchImpl).signIn({ username: 'operator', password: 'pw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaSetupRequired);
    const enrolment = (error as MfaSetupRequired).enrolment;
    expect(await enrolment.start()).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/anze%3Aoperator?secret=JBSWY3DPEHPK3PXP&issuer=anze&algorithm=SHA1&digits=6&period=30',
    });
    expect(await enrolment.confirm('654321')).toBeUndefined();
    expect(cognito.later).toEqual([
      { target: 'AssociateSoftwareToken', body: { AccessToken: 'access-1' } },
      { target: 'VerifySoftwareToken', body: { AccessToken: 'access-1', UserCode: '654321', FriendlyDeviceName: 'anze' } },
      { target: 'SetUserMFAPreference', body: { AccessToken: 'access-1', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } } },
    ]);
  });
});
