import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MINUTES, USERNAME_RULE } from '../../../domain/platform/credentials.js';
import { NotFound, Unauthorized } from '../../../domain/kernel/errors.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { signInBody, signInResponse } from './schemas.js';
import { PUBLIC } from '../../../domain/identity/access.js';
import { tenantAdmitsUsers } from '../../../domain/platform/tenant.rules.js';
import { TENANT_SUSPENDED } from '../../middleware/current-principal.js';
import { MFA_SETUP_REQUIRED, mfaRequiredFor } from '../../../domain/identity/mfa.js';
import type { Credential } from '../../../domain/platform/platform.repository.js';
import type { TokenIssuer } from '../../../domain/platform/token-issuer.port.js';
import { mfaRoot } from './mfa-composition-root.js';

const REFUSED = 'user name or password is wrong';
/** Issue 21: the challenge — the password was right, now the authenticator's code (no token yet). */
export const MFA_CHALLENGE = 'MFA_CODE';
export const MFA_CODE_INVALID = 'MFA_CODE_INVALID';

/**
 * The answer of a sign-in (and of a confirmed enrolment): the token and who it speaks for. With
 * `setupRequired` (issue 21: an operator or regulator without TOTP) the token opens the enrolment only, and
 * `mfa: SETUP_REQUIRED` says so.
 */
export async function signedIn(credential: Credential, tokens: TokenIssuer, now: Date, setupRequired: boolean) {
  const { principal } = credential;
  return {
    accessToken: await tokens.issue({ ...principal, tokenVersion: credential.tokenVersion ?? 0, ...(setupRequired ? { mfaSetupRequired: true } : {}) }, now),
    tokenType: 'Bearer' as const,
    expiresIn: tokens.lifetimeSeconds,
    user: {
      id: principal.userId,
      username: principal.username,
      displayName: credential.displayName,
      role: principal.role,
      tenantId: principal.tenantId,
      agency: principal.agency,
      county: principal.county,
      uscc: principal.uscc,
    },
    ...(setupRequired ? { mfa: MFA_SETUP_REQUIRED } : {}),
  };
}

/**
 * Local sign-in (ARCHITECTURE.md §4): a password checked against its scrypt hash, answered with a signed
 * JWT carrying the same claims Cognito gives on AWS.
 *
 * Primary course: 1. a name no user could have (outside the user-name rule: a space, `<`, `#`, NUL, CJK …) is
 * a wrong login like any other — the same hash is paid and the same 401 answered (issue 12 #3); 2. the attempt
 * is counted atomically before its password is checked, so at most five are evaluated per fifteen-minute window
 * however many arrive at once, and the name is then locked (429, issue 12 #2); 3. a right password clears the
 * count (and keeps the time, the operator's 最近登录) — with an authenticator enabled only once its code is right too
 * (issue 21: without `code` a challenge, `{challenge: MFA_CODE}` and no token, a wrong or replayed one 401 MFA_CODE_INVALID), and an
 * operator or regulator without one gets an enrolment-only token (`mfa: SETUP_REQUIRED`); 4. a disabled user, or one of a suspended insurer (ACL-3), gets no token; 5. the token carries the record's token version (issue 12 #1).
 */
export const signIn = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/login',
  access: PUBLIC,
  summary: 'Sign in with user name and password (local runtime; on AWS the console signs in with Cognito)',
  tags: ['auth'],
  body: signInBody,
  response: signInResponse,
  idempotent: false,
  async handle({ body }) {
    const { repository, passwords, tokens, clock } = platformRoot();
    if (!tokens) throw new NotFound('route (sign in with Cognito)');
    const now = clock.now();
    const admission = USERNAME_RULE.test(body.username)
      ? await repository.admitSignIn(body.username, { now, maxAttempts: MAX_FAILED_SIGN_INS, lockMinutes: SIGN_IN_LOCK_MINUTES })
      : undefined;
    if (!admission) {
      await passwords.verifyNothing(body.password);
      throw new Unauthorized(REFUSED);
    }
    if (!admission.admitted) {
      throw new HttpProblem(429, 'SIGN_IN_LOCKED', `too many failed sign-ins; try again after ${admission.lockedUntil}`);
    }
    const { credential } = admission;
    if (!(await passwords.verify(body.password, credential.passwordHash))) throw new Unauthorized(REFUSED);
    const { principal } = credential;
    const active = async () => {
      if (credential.disabled) throw new Unauthorized('this account is disabled');
      // ACL-3 (issue 15): a suspended insurer's users get no token, with the same code the request-time check answers.
      if (principal.tenantId !== undefined && !tenantAdmitsUsers((await repository.getTenant(principal.tenantId))?.status)) {
        throw new HttpProblem(403, TENANT_SUSPENDED, 'ACL-3: this insurer is suspended by the platform operator; its users cannot sign in until it is resumed');
      }
    };
    // Issue 21: with an authenticator enabled, the code too — a single-use code of this step or a neighbour. The
    // attempt stays counted until the code is right, so guessing codes meets the same lock as guessing passwords.
    const { totp, enrolments } = mfaRoot();
    const secret = credential.mfaSecret;
    if (secret) {
      // A disabled or suspended user is told so before being asked for a code it could not use.
      await active();
      // The challenge is no error (a 200, like Cognito's ChallengeName): the client asks the person for the code.
      if (body.code === undefined) return { body: { challenge: MFA_CHALLENGE } };
      const step = totp.matchingStep(secret, body.code, now);
      if (step === undefined || !(await enrolments.useStep(credential.username, step))) {
        throw new HttpProblem(401, MFA_CODE_INVALID, 'code: wrong, expired or already used; wait for the next code of your authenticator app (issue 21)');
      }
    }
    await repository.clearSignInFailures(credential.username, now.toISOString());
    if (!secret) await active();
    return { body: await signedIn(credential, tokens, now, !secret && mfaRequiredFor(principal.role)) };
  },
});
