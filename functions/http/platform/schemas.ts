import { AGENCIES, ROLES } from '../../../domain/identity/role.js';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { usccSchema } from '../../../domain/kernel/uscc.js';
import { PASSWORD_RULE, PASSWORD_RULE_TEXT, USERNAME_RULE } from '../../../domain/platform/credentials.js';
import { userSchema } from '../../../domain/platform/user.js';
import * as z from 'zod/mini';
import { totpCodeSchema } from './mfa-schemas.js';
import { pageQuery, idParam } from '../zod.js';

const name = (max: number) => z.string().check(z.trim(), z.minLength(2, 'at least 2 characters'), z.maxLength(max));

export const usernameSchema = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.regex(USERNAME_RULE, '3–32 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit'),
  z.meta({ description: 'The sign-in name, unique on the platform; stored lower-case' }),
);
export const passwordSchema = z
  .string()
  .check(z.regex(PASSWORD_RULE, PASSWORD_RULE_TEXT), z.meta({ description: `The first password: ${PASSWORD_RULE_TEXT}` }));
const displayName = () => name(40).check(z.meta({ description: 'Name shown in the console and in the ID token' }));

export const newAdminSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayName(),
});

export const onboardTenantBody = z.strictObject({
  name: name(100).check(z.meta({ description: 'Legal name of the city-level branch' })),
  uscc: usccSchema.check(z.meta({ description: "The branch's USCC; one insurer per USCC" })),
  branchName: name(60).check(z.meta({ description: 'Short name shown in the console' })),
  admin: newAdminSchema,
});

export const onboardRegulatorBody = z.strictObject({
  agency: z.enum(AGENCIES),
  county: z.optional(areaCodeSchema.check(z.meta({ description: "A county EMB's county; only a county EMB has one (ACL-4)" }))),
  name: name(100).check(z.meta({ description: "The agency's name" })),
  admin: newAdminSchema,
});

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES).check(z.meta({ description: "A role of the caller's own kind of organisation (ACL-1, ACL-2)" })),
  displayName: displayName(),
});

export const updateUserBody = z.strictObject({
  role: z.optional(z.enum(ROLES)),
  disabled: z.optional(z.boolean().check(z.meta({ description: 'true stops new sign-ins and token refreshes' }))),
  displayName: z.optional(displayName()),
});

export const signInBody = z.strictObject({
  username: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(128)),
  /** Issue 21: the authenticator's code, once the user has one enabled. */
  code: z.optional(totpCodeSchema),
});

const id = idParam;
export const tenantIdParams = z.object({ tenantId: id });
export const userIdParams = z.object({ userId: id });

export const listTenantsQuery = z.object({ ...pageQuery, q: z.optional(z.string().check(z.trim(), z.maxLength(50))) });
export const listQuery = z.object(pageQuery);

/** ACL-3 (issue 15): why the operator suspends or resumes an insurer; kept on the tenant and in its event. */
export const tenantStatusBody = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(2, 'reason: at least 2 characters (ACL-3)'), z.maxLength(200)),
});

/** ACL-3: what the operator sees of a tenant's user — its profile and last sign-in, nothing of its work. */
export const tenantUserSchema = z.object({
  ...z.pick(userSchema, { id: true, username: true, displayName: true, role: true, disabled: true, createdAt: true }).shape,
  lastSignInAt: z.optional(z.string().check(z.meta({ description: 'Last local sign-in; absent when unknown (never, or Cognito on AWS)' }))),
});

/** A signed-in answer (also of a confirmed authenticator enrolment, issue 21). */
export const signedInResponse = z.object({
  accessToken: z.string().check(z.meta({ description: 'An ES256 JWT with the claims Cognito puts in its ID tokens' })),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().check(z.meta({ description: "The token's lifetime in seconds" })),
  user: z.pick(userSchema, {
    id: true,
    username: true,
    displayName: true,
    role: true,
    tenantId: true,
    agency: true,
    county: true,
    uscc: true,
  }),
  mfa: z.optional(z.literal('SETUP_REQUIRED').check(z.meta({ description: 'Issue 21: the token opens only /auth/mfa/setup and /auth/mfa/verify' }))),
});

/** Issue 21: the password was right and an authenticator is enabled: no token until the request brings its `code`. */
export const signInResponse = z.union([signedInResponse, z.object({ challenge: z.literal('MFA_CODE') })]);

export const healthResponse = z.object({ status: z.literal('ok'), version: z.string() });
