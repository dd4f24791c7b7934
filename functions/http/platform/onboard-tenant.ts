import { Conflict } from '../../../domain/kernel/errors.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import type { User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { defineRoute } from '../../middleware/route.js';
import { platformDeps } from './deps.js';
import { isSameNewUser, registerIdentity, resumeRegistration } from './identity-registration.js';
import { onboardTenantBody, tenantSchema } from './schemas.js';
import { OPERATOR } from '../../../domain/identity/access.js';

/**
 * Onboards an insurer: the tenant, its first administrator and their events, in one transaction.
 * Primary course: 1. validate (USCC check character, UW-2) 2. create tenant + USCC guard + admin + sign-in
 * record 3. register the admin's identity (Cognito on AWS) 4. answer 201. A second insurer with the same
 * USCC, or a taken user name, is a 409 — unless it is this very onboarding repeated after step 3 failed,
 * which then finishes step 3 and answers the tenant made the first time (identity-registration.ts).
 */
export const onboardTenant = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/tenants',
  access: OPERATOR,
  summary: 'Onboard an insurer (a tenant) with its first administrator',
  tags: ['platform'],
  body: onboardTenantBody,
  response: tenantSchema,
  successStatus: 201,
  async handle({ body }) {
    const deps = platformDeps();
    const { repository, directory, clock, newId } = deps;
    const now = clock.now();
    const createdAt = now.toISOString();
    const tenant: Tenant = {
      id: newId(now),
      name: body.name,
      uscc: body.uscc,
      branchName: body.branchName,
      status: 'ACTIVE',
      createdAt,
      version: 1,
    };
    const admin: User = {
      id: newId(now),
      username: body.admin.username,
      displayName: body.admin.displayName,
      role: 'insurer-admin',
      disabled: false,
      tenantId: tenant.id,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    try {
      await repository.createTenant(tenant, admin, await hashPassword(body.admin.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      let first: Tenant | undefined;
      await resumeRegistration(deps, error, body.admin, async ({ principal }) => {
        if (!principal.tenantId) return undefined;
        first = await repository.getTenant(principal.tenantId);
        if (!first || first.uscc !== body.uscc || first.name !== body.name || first.branchName !== body.branchName) return undefined;
        const stored = await repository.getUser({ kind: 'tenant', tenantId: first.id }, principal.userId);
        return isSameNewUser(stored, admin) ? stored : undefined;
      });
      return { body: first };
    }
    await registerIdentity(deps, admin, body.admin.password);
    return { body: tenant };
  },
});
