import { describe, expect, it } from 'vitest';
import { SignInError } from './auth-session';
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
  it('signs in with USER_PASSWORD_AUTH and reads the user from the ID token claims', async () => {
    const token = idToken({
      sub: 'sub-1',
      'cognito:username': 'emb-xinfu',
      name: '忻府区应急管理局',
      'custom:role': 'regulator',
      'custom:agency': 'EMB_COUNTY',
      'custom:county': '140902',
      exp: 1_900_000_000,
    });
    const { fetchImpl, requests } = fakeFetch([{ status: 200, body: { AuthenticationResult: { IdToken: token, RefreshToken: 'refresh-1', ExpiresIn: 3600 } } }]);
    const session = await new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'emb-xinfu', password: 'pw' });

    expect(requests[0]?.url).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(requests[0]?.init.headers).toMatchObject({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' });
    expect(JSON.parse(String(requests[0]?.init.body))).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'client-1',
      AuthParameters: { USERNAME: 'emb-xinfu', PASSWORD: 'pw' },
    });
    expect(session).toEqual({
      mode: 'cognito',
      token,
      refreshToken: 'refresh-1',
      expiresAt: 1_900_000_000_000,
      user: { id: 'sub-1', username: 'emb-xinfu', displayName: '忻府区应急管理局', role: 'regulator', agency: 'EMB_COUNTY', county: '140902', tenantId: undefined, uscc: undefined },
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
    const { fetchImpl } = fakeFetch([{ status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' } }]);
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
    const { fetchImpl } = fakeFetch([{ status: 200, body: { AuthenticationResult: { IdToken: token, RefreshToken: 'r' } } }]);
    const session = await new CognitoIdentityProvider(config, fetchImpl).signIn({ username: 'picc-staff', password: 'pw' });
    expect(session.user).toMatchObject({ id: '01JUSERID0000000000000000', role: 'insurer-staff', tenantId: 't-1' });
  });

  it('falls back to sub without custom:userId, and refuses a token without custom:role', async () => {
    const withoutId = idToken({ sub: 'cognito-sub-8', 'cognito:username': 'u', 'custom:role': 'regulator', exp: 1_900_000_000 });
    const first = fakeFetch([{ status: 200, body: { AuthenticationResult: { IdToken: withoutId } } }]);
    expect((await new CognitoIdentityProvider(config, first.fetchImpl).signIn({ username: 'u', password: 'p' })).user.id).toBe('cognito-sub-8');

    const withoutRole = idToken({ sub: 's', 'cognito:username': 'u', 'custom:userId': 'x', exp: 1_900_000_000 });
    const second = fakeFetch([{ status: 200, body: { AuthenticationResult: { IdToken: withoutRole } } }]);
    await expect(new CognitoIdentityProvider(config, second.fetchImpl).signIn({ username: 'u', password: 'p' })).rejects.toMatchObject({
      failure: 'not-a-console-user',
    });
  });
});
