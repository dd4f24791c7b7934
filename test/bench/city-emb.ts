import { ApiClient } from '../support/api-client.js';
import { unique } from '../support/fixtures.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * The city EMB of the benchmark's platform. There is one per platform (a regulator agency's id comes from its
 * agency and area), so every section that needs it shares the one onboarded here.
 */
const signedIn = new Map<string, Promise<ApiClient>>();

export function benchCityEmb(baseUrl: string, operatorPassword: string): Promise<ApiClient> {
  let client = signedIn.get(baseUrl);
  if (!client) {
    client = onboard(baseUrl, operatorPassword);
    signedIn.set(baseUrl, client);
  }
  return client;
}

async function onboard(baseUrl: string, operatorPassword: string): Promise<ApiClient> {
  const anonymous = new ApiClient(baseUrl);
  const signIn = async (username: string, password: string): Promise<ApiClient> => {
    // Issue 21: the operator and regulators with an authenticator enrolled.
    const response = await signInWithTotp(baseUrl, username, password);
    if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
    return anonymous.withToken(response.body.accessToken as string);
  };
  const operator = await signIn('operator', operatorPassword);
  const admin = { username: unique('bench-emb-'), password: 'Bench-emb-2026', displayName: '基准测试市局' };
  const onboarded = await operator.post('/platform/regulators', { agency: 'EMB_CITY', name: '忻州市应急管理局', admin });
  if (onboarded.status !== 201) throw new Error(`onboarding the city EMB answered ${onboarded.status}: ${JSON.stringify(onboarded.body).slice(0, 300)}`);
  return signIn(admin.username, admin.password);
}
