import { SELF } from '../../../domain/identity/access.js';
import { Conflict, NotFound, ValidationFailed } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { forgetPrincipal } from '../../middleware/current-principal.js';
import { platformRoot } from './composition-root.js';
import { mfaRoot } from './mfa-composition-root.js';
import { mfaVerifyBody } from './mfa-schemas.js';
import { signedInResponse } from './schemas.js';
import { signedIn } from './sign-in.js';

/**
 * Issue 21 (local twin; on AWS Cognito's VerifySoftwareToken and SetUserMFAPreference): the first code of the
 * pending authenticator enables it — from then on every sign-in asks for a code — and the caller is answered a
 * full token, so an operator or regulator enrolling at its first sign-in is signed in at once. The code is used
 * up like a sign-in's (single use). A wrong code is a 400 naming `code`.
 */
export const mfaVerify = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/mfa/verify',
  access: SELF,
  mfaEnrolment: true,
  summary: 'Confirm the authenticator app with its first code; answers a full token (local runtime)',
  tags: ['auth'],
  body: mfaVerifyBody,
  response: signedInResponse,
  idempotent: false,
  async handle(input) {
    const { repository, tokens, clock } = platformRoot();
    if (!tokens) throw new NotFound('route (enrol with Cognito)');
    const { username } = callerOf(input);
    const { totp, enrolments } = mfaRoot();
    const { pendingSecret } = await enrolments.read(username);
    if (!pendingSecret) throw new Conflict('issue 21: no authenticator enrolment is pending; start one with POST /auth/mfa/setup');
    const now = clock.now();
    const step = totp.matchingStep(pendingSecret, input.body.code, now);
    if (step === undefined) throw new ValidationFailed([{ field: 'code', message: 'not the current code of the authenticator app just set up (issue 21)' }]);
    if (!(await enrolments.enable(username, pendingSecret, step))) throw new Conflict('issue 21: the enrolment changed meanwhile; start again');
    const credential = await repository.getCredential(username);
    if (!credential) throw new NotFound('user');
    forgetPrincipal(username);
    return { body: await signedIn(credential, tokens, now, false) };
  },
});
