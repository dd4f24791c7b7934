import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/api-client';
import { MfaSetupRequired } from './auth-session';
import { LocalIdentityProvider } from './local-identity-provider';

const user = { id: 'u1', username: 'operator', displayName: '平台运营', role: 'platform-operator' };
const signedIn = (token: string) => ({ accessToken: token, tokenType: 'Bearer', expiresIn: 3600, user });

/** A fetch answering in order, keeping what was asked (URL, headers, body). */
function fakeFetch(answers: { status: number; body: unknown }[]) {
  const requests: { url: string; authorization: string | null; body: unknown }[] = [];
  const fetchImpl = (async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://console.test'), init);
    const text = await request.clone().text();
    requests.push({ url: new URL(request.url).pathname, authorization: request.headers.get('authorization'), body: text ? JSON.parse(text) : undefined });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

const providerWith = (fake: ReturnType<typeof fakeFetch>) =>
  new LocalIdentityProvider(
    createApiClient({ baseUrl: 'http://console.test', getToken: async () => 'none', onUnauthorized: () => undefined, fetch: fake.fetchImpl }),
    () => 0,
    (input, init) => fake.fetchImpl(new URL(String(input), 'http://console.test').toString(), init),
  );

describe('LocalIdentityProvider (issue 21: the authenticator)', () => {
  it('issue 21: reads the challenge as “ask for the code”, then sends the code with the password', async () => {
    const fake = fakeFetch([
      { status: 200, body: { challenge: 'MFA_CODE' } },
      { status: 200, body: signedIn('full') },
    ]);
    const provider = providerWith(fake);
    await expect(provider.signIn({ username: 'operator', password: 'pw' })).rejects.toMatchObject({ failure: 'mfa-code-required' });
    const session = await provider.signIn({ username: 'operator', password: 'pw', code: '123456' });
    expect(session.token).toBe('full');
    expect(fake.requests.map((request) => request.body)).toEqual([
      { username: 'operator', password: 'pw' },
      { username: 'operator', password: 'pw', code: '123456' },
    ]);
  });

  it('issue 21: an operator without an authenticator enrols with the enrolment-only token and is signed in by the first code', async () => {
    const fake = fakeFetch([
      { status: 200, body: { ...signedIn('restricted'), mfa: 'SETUP_REQUIRED' } },
      { status: 200, body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x' } },
      { status: 200, body: signedIn('full') },
    ]);
    const error = await providerWith(fake).signIn({ username: 'operator', password: 'pw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaSetupRequired);
    const { enrolment } = error as MfaSetupRequired;
    expect(await enrolment.start()).toEqual({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x' });
    expect((await enrolment.confirm('654321'))?.token).toBe('full');
    expect(fake.requests.slice(1)).toEqual([
      { url: '/api/v1/auth/mfa/setup', authorization: 'Bearer restricted', body: {} },
      { url: '/api/v1/auth/mfa/verify', authorization: 'Bearer restricted', body: { code: '654321' } },
    ]);
  });

  it('issue 21: a wrong or replayed code reads as mfa-code-invalid', async () => {
    const fake = fakeFetch([{ status: 401, body: { error: { code: 'MFA_CODE_INVALID', message: 'code: wrong, expired or already used' } } }]);
    await expect(providerWith(fake).signIn({ username: 'operator', password: 'pw', code: '000000' })).rejects.toMatchObject({ failure: 'mfa-code-invalid' });
  });
});
