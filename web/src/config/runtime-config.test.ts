import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, RuntimeConfigError } from './runtime-config';

describe('parseRuntimeConfig', () => {
  it('reads the local runtime answer', () => {
    expect(parseRuntimeConfig({ auth: { mode: 'local' }, version: '0.1.0' })).toEqual({ auth: { mode: 'local' }, version: '0.1.0' });
  });

  it('reads the Cognito configuration the web stack deploys', () => {
    const config = { auth: { mode: 'cognito', region: 'cn-north-1', userPoolId: 'cn-north-1_abc', clientId: 'client' } };
    expect(parseRuntimeConfig(config)).toEqual({ ...config, version: undefined });
  });

  it('names what is missing', () => {
    expect(() => parseRuntimeConfig({})).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig({ auth: { mode: 'cognito', region: 'x' } })).toThrow(/userPoolId/);
    expect(() => parseRuntimeConfig({ auth: { mode: 'saml' } })).toThrow(/saml/);
  });
});
