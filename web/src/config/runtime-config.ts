/**
 * Deploy-time configuration, fetched from `GET /config.json` before the console renders, so one bundle
 * serves every environment: the local runtime answers `{"auth":{"mode":"local"}}`, the CDK web stack
 * deploys the Cognito pool and client of its stage. Nothing here is baked into the bundle.
 */
export type AuthConfig =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'cognito';
      readonly region: string;
      readonly userPoolId: string;
      readonly clientId: string;
      /** Optional: defaults to Cognito's regional endpoint (amazonaws.com.cn in China regions). */
      readonly endpoint?: string;
    };

export interface RuntimeConfig {
  readonly auth: AuthConfig;
  readonly version?: string;
}

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Checks the shape of `/config.json`; a wrong shape is a deployment error worth a clear message. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!isRecord(raw) || !isRecord(raw.auth)) throw new RuntimeConfigError('config.json: "auth" is missing');
  const version = typeof raw.version === 'string' ? raw.version : undefined;
  const auth = raw.auth;
  if (auth.mode === 'local') return { auth: { mode: 'local' }, version };
  if (auth.mode === 'cognito') {
    const { region, userPoolId, clientId } = auth;
    if (!nonEmptyString(region) || !nonEmptyString(userPoolId) || !nonEmptyString(clientId)) {
      throw new RuntimeConfigError('config.json: cognito needs region, userPoolId and clientId');
    }
    const endpoint = nonEmptyString(auth.endpoint) ? auth.endpoint : undefined;
    return { auth: { mode: 'cognito', region, userPoolId, clientId, ...(endpoint ? { endpoint } : {}) }, version };
  }
  throw new RuntimeConfigError(`config.json: unknown auth mode ${JSON.stringify(auth.mode)}`);
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new RuntimeConfigError(`config.json answered ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
