import type { IdentityDirectory } from '../../../domain/platform/identity-directory.js';
import { LocalIdentityDirectory } from './local-identity-directory.js';

/**
 * Cognito where the stack names a user pool (`ANZE_USER_POOL_ID`, set on the platform function), the table
 * alone elsewhere. The Cognito adapter, and with it the Cognito SDK, is loaded on first use: reads (most
 * requests, and every cold start of them) never pay for it, and the local runtime never loads it at all.
 */
export function identityDirectoryFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityDirectory {
  const userPoolId = env.ANZE_USER_POOL_ID;
  if (!userPoolId) return new LocalIdentityDirectory();
  let loaded: Promise<IdentityDirectory> | undefined;
  const cognito = () =>
    (loaded ??= import('./cognito-identity-directory.js').then(({ CognitoIdentityDirectory }) => new CognitoIdentityDirectory(userPoolId)));
  return {
    external: true,
    register: async (user, password) => (await cognito()).register(user, password),
    update: async (user) => (await cognito()).update(user),
    revokeSessions: async (user) => (await cognito()).revokeSessions(user),
  };
}
