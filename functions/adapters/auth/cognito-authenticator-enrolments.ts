import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthenticatorEnrolments } from '../../../domain/identity/mfa.js';

/** Cognito's name for an authenticator app (TOTP) among a user's MFA settings. */
export const SOFTWARE_TOKEN_MFA = 'SOFTWARE_TOKEN_MFA';

/**
 * Issue 21: whether a pool user has TOTP enabled — AdminGetUser's `UserMFASettingList` lists
 * `SOFTWARE_TOKEN_MFA` once the user verified an authenticator and set it as an MFA method (the console does:
 * AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference). With it listed, Cognito challenges for the
 * code at every sign-in, before any token (and so before the pre-token trigger). The trigger's role may call
 * AdminGetUser on its own pool only (infra/constructs/token-claims-trigger.ts).
 */
export class CognitoAuthenticatorEnrolments implements AuthenticatorEnrolments {
  constructor(
    private readonly userPoolId: string,
    private readonly client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({ maxAttempts: 2 }),
  ) {}

  async hasTotp(username: string): Promise<boolean> {
    const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    return (user.UserMFASettingList ?? []).includes(SOFTWARE_TOKEN_MFA);
  }
}
