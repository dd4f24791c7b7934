import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIMS } from '../../domain/identity/principal.js';
import { MFA_CLAIM, MFA_SETUP_REQUIRED, mfaRequiredFor, type AuthenticatorEnrolments } from '../../domain/identity/mfa.js';
import { CognitoAuthenticatorEnrolments } from '../adapters/auth/cognito-authenticator-enrolments.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import { logger } from '../middleware/observability.js';

/** What Cognito passes on to the client (inside `UserLambdaValidationException`'s message). */
export const NO_ACCOUNT = 'no anze account for this sign-in';
export const DISABLED = 'this account is disabled';

let repository: PlatformRepository | undefined;
const platform = (): PlatformRepository =>
  (repository ??= new DynamoPlatformRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock)));
let enrolments: { readonly poolId: string; readonly port: AuthenticatorEnrolments } | undefined;
/** The event names its pool, so the trigger needs no pool id in its environment (which would be a cycle). */
const enrolmentsOf = (poolId: string): AuthenticatorEnrolments => {
  if (enrolments?.poolId !== poolId) enrolments = { poolId, port: new CognitoAuthenticatorEnrolments(poolId) };
  return enrolments.port;
};

/**
 * Cognito's pre-token-generation trigger (event version V2_0), run at every sign-in and every token refresh.
 * The pool's custom attributes hold only what never changes (our user id and the organisation binding);
 * what can change is read here from our table, so a role change or a disabling applies from the next token:
 * one consistent GetItem of the user's sign-in record `P#LOGIN#<username>` (the function's role may read
 * nothing else), which holds the principal with its role and the `disabled` flag.
 *
 * Adds `custom:role`, `username` and `custom:tokenVersion` to the ID token — the token the HTTP API's JWT authoriser accepts and
 * functions/middleware/principal.ts reads. The access token is left alone: without a role it is refused by
 * the handlers, so only ID tokens work against the API, as before.
 *
 * Issue 21: for the operator and the regulators ({@link mfaRequiredFor}) it also asks Cognito (AdminGetUser)
 * whether TOTP is enabled; if not, the ID token gets `custom:mfa = SETUP_REQUIRED` and no role.
 *
 * Refuses (throws) when there is no record for the user name (or it cannot be a key at all), when the record belongs to another user id
 * than the identity's `custom:userId` (a stale identity left in the pool), or when the user is disabled.
 * Cognito fails the whole authentication or refresh when a trigger returns an error and issues no token;
 * the client sees `UserLambdaValidationException` with this function's message. Cognito also disables the
 * identity itself (AdminDisableUser, from the platform function), but the table is what counts here, so a
 * disabling that has not reached Cognito yet still stops new tokens. Cognito waits 5 s for a trigger and
 * retries it, hence the short function timeout.
 */
export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const identityUserId = event.request.userAttributes[CLAIMS.userId];
  const credential = await platform().getCredential(event.userName);
  if (!credential || credential.principal.userId !== identityUserId) {
    logger.warn('token refused: no sign-in record for this identity', { username: event.userName, triggerSource: event.triggerSource });
    throw new Error(NO_ACCOUNT);
  }
  if (credential.disabled) {
    // Cognito has checked the password by now, so saying why is no leak.
    logger.info('token refused: user disabled', { username: event.userName, userId: identityUserId });
    throw new Error(DISABLED);
  }
  const { principal } = credential;
  // Issue 21: the operator and the regulators must have TOTP enabled (then Cognito has already asked for the
  // code). Without it the token has no role — every API route refuses it (403 MFA_SETUP_REQUIRED) — and says
  // why, so the console runs the enrolment with the access token and signs in again.
  const mustEnrol = mfaRequiredFor(principal.role) && !(await enrolmentsOf(event.userPoolId).hasTotp(event.userName));
  if (mustEnrol) {
    logger.info('token restricted: TOTP required but not enabled', { username: event.userName, role: principal.role });
    event.response = {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: {
          claimsToAddOrOverride: {
            [MFA_CLAIM]: MFA_SETUP_REQUIRED,
            [CLAIMS.username]: principal.username,
            [CLAIMS.tokenVersion]: String(credential.tokenVersion ?? 0),
          },
          claimsToSuppress: [CLAIMS.role],
        },
      },
    };
    return event;
  }
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: {
        claimsToAddOrOverride: {
          [CLAIMS.role]: principal.role,
          [CLAIMS.username]: principal.username,
          // The version the request-time check compares (issue 12 #1): a change of role or status revokes the token.
          [CLAIMS.tokenVersion]: String(credential.tokenVersion ?? 0),
        },
      },
    },
  };
  return event;
}
