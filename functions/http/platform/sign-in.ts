import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MINUTES } from '../../../domain/platform/credentials.js';
import { NotFound, Unauthorized } from '../../../domain/kernel/errors.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { signInBody, signInResponse } from './schemas.js';
import { PUBLIC } from '../../../domain/identity/access.js';

const REFUSED = 'user name or password is wrong';

/**
 * Local sign-in (ARCHITECTURE.md §4): a password checked against its scrypt hash, answered with a signed
 * JWT carrying the same claims Cognito gives on AWS. An unknown user costs the same hash as a known one,
 * and five failures in a row lock the name for fifteen minutes (429).
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
    const credential = await repository.getCredential(body.username);
    if (!credential) {
      await passwords.verifyNothing(body.password);
      throw new Unauthorized(REFUSED);
    }
    if (credential.lockedUntil && credential.lockedUntil > now.toISOString()) {
      throw new HttpProblem(429, 'SIGN_IN_LOCKED', `too many failed sign-ins; try again after ${credential.lockedUntil}`);
    }
    if (!(await passwords.verify(body.password, credential.passwordHash))) {
      const failedAttempts = credential.failedAttempts + 1;
      const lockedUntil =
        failedAttempts >= MAX_FAILED_SIGN_INS
          ? new Date(now.getTime() + SIGN_IN_LOCK_MINUTES * 60_000).toISOString()
          : undefined;
      await repository.recordSignIn(credential, { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil });
      throw new Unauthorized(REFUSED);
    }
    if (credential.disabled) throw new Unauthorized('this account is disabled');
    if (credential.failedAttempts > 0 || credential.lockedUntil) {
      await repository.recordSignIn(credential, { failedAttempts: 0 });
    }
    const { principal } = credential;
    return {
      body: {
        accessToken: await tokens.issue(principal, now),
        tokenType: 'Bearer',
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
      },
    };
  },
});
