import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MINUTES, USERNAME_RULE } from '../../../domain/platform/credentials.js';
import { NotFound, Unauthorized } from '../../../domain/kernel/errors.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { signInBody, signInResponse } from './schemas.js';
import { PUBLIC } from '../../../domain/identity/access.js';
import { tenantAdmitsUsers } from '../../../domain/platform/tenant.rules.js';
import { TENANT_SUSPENDED } from '../../middleware/current-principal.js';

const REFUSED = 'user name or password is wrong';

/**
 * Local sign-in (ARCHITECTURE.md §4): a password checked against its scrypt hash, answered with a signed
 * JWT carrying the same claims Cognito gives on AWS.
 *
 * Primary course: 1. a name no user could have (outside the user-name rule: a space, `<`, `#`, NUL, CJK …) is
 * a wrong login like any other — the same hash is paid and the same 401 answered (issue 12 #3); 2. the attempt
 * is counted atomically before its password is checked, so at most five are evaluated per fifteen-minute window
 * however many arrive at once, and the name is then locked (429, issue 12 #2); 3. a right password clears the
 * count (and keeps the time, the operator's 最近登录); 4. a disabled user, or one of a suspended insurer (ACL-3), gets no token; 5. the token carries the record's token version (issue 12 #1).
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
    await repository.clearSignInFailures(credential.username, now.toISOString());
    if (credential.disabled) throw new Unauthorized('this account is disabled');
    const { principal } = credential;
    // ACL-3 (issue 15): a suspended insurer's users get no token, with the same code the request-time check answers.
    if (principal.tenantId !== undefined && !tenantAdmitsUsers((await repository.getTenant(principal.tenantId))?.status)) {
      throw new HttpProblem(403, TENANT_SUSPENDED, 'ACL-3: this insurer is suspended by the platform operator; its users cannot sign in until it is resumed');
    }
    return {
      body: {
        accessToken: await tokens.issue({ ...principal, tokenVersion: credential.tokenVersion ?? 0 }, now),
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
