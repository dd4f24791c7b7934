import { SELF } from '../../../domain/identity/access.js';
import { Conflict, NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { mfaRoot } from './mfa-composition-root.js';
import { platformRoot } from './composition-root.js';
import { mfaSetupResponse } from './mfa-schemas.js';

/**
 * Issue 21 (local twin; on AWS the console enrols with Cognito's AssociateSoftwareToken): a new authenticator
 * secret for the caller, kept pending in its sign-in record until a code confirms it (`POST /auth/mfa/verify`).
 * Open to the enrolment-only token of an operator or regulator without TOTP, and to anyone signed in who wants
 * it (insurers, enterprises: optional). Once enabled, the secret is never answered again (409 here).
 */
export const mfaSetup = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/mfa/setup',
  access: SELF,
  mfaEnrolment: true,
  summary: 'Start enrolling an authenticator app (TOTP; local runtime)',
  tags: ['auth'],
  response: mfaSetupResponse,
  idempotent: false,
  async handle(input) {
    if (!platformRoot().tokens) throw new NotFound('route (enrol with Cognito)');
    const { username } = callerOf(input);
    const { totp, enrolments } = mfaRoot();
    const secret = totp.newSecret();
    if (!(await enrolments.savePending(username, secret))) throw new Conflict('issue 21: an authenticator is already enabled for this user');
    return { body: { secret, otpauthUri: totp.otpauthUri(secret, username) } };
  },
});
