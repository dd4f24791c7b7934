import { AGENCIES, ROLES } from '../../../domain/identity/role.js';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { usccSchema } from '../../../domain/kernel/uscc.js';
import { PASSWORD_RULE, PASSWORD_RULE_TEXT, USERNAME_RULE } from '../../../domain/platform/credentials.js';
import * as z from 'zod/mini';
import { pageQuery, idParam } from '../zod.js';

const name = (max: number) => z.string().check(z.trim(), z.minLength(2, 'at least 2 characters'), z.maxLength(max));

export const usernameSchema = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.regex(USERNAME_RULE, '3–32 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit'),
);
export const passwordSchema = z.string().check(z.regex(PASSWORD_RULE, PASSWORD_RULE_TEXT));

export const newAdminSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: name(40),
});

export const onboardTenantBody = z.strictObject({
  name: name(100),
  uscc: usccSchema,
  branchName: name(60),
  admin: newAdminSchema,
});

export const onboardRegulatorBody = z.strictObject({
  agency: z.enum(AGENCIES),
  county: z.optional(areaCodeSchema),
  name: name(100),
  admin: newAdminSchema,
});

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
  displayName: name(40),
});

export const updateUserBody = z.strictObject({
  role: z.optional(z.enum(ROLES)),
  disabled: z.optional(z.boolean()),
  displayName: z.optional(name(40)),
});

export const signInBody = z.strictObject({
  username: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(128)),
});

const id = idParam;
export const tenantIdParams = z.object({ tenantId: id });
export const userIdParams = z.object({ userId: id });

export const listTenantsQuery = z.object({ ...pageQuery, q: z.optional(z.string().check(z.trim(), z.maxLength(50))) });
export const listQuery = z.object(pageQuery);

export const tenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  branchName: z.string(),
  status: z.enum(['ACTIVE', 'SUSPENDED']),
  createdAt: z.string(),
  version: z.number(),
});

export const regulatorSchema = z.object({
  id: z.string(),
  agency: z.enum(AGENCIES),
  county: z.optional(z.string()),
  name: z.string(),
  createdAt: z.string(),
  version: z.number(),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  tenantId: z.optional(z.string()),
  agency: z.optional(z.enum(AGENCIES)),
  county: z.optional(z.string()),
  uscc: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const signInResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    tenantId: z.optional(z.string()),
    agency: z.optional(z.enum(AGENCIES)),
    county: z.optional(z.string()),
    uscc: z.optional(z.string()),
  }),
});

export const healthResponse = z.object({ status: z.literal('ok'), version: z.string() });
