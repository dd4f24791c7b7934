import { OPERATOR } from '../../../domain/identity/access.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { isSameTenant, onboardTenant as onboard } from '../../../domain/platform/tenant.rules.js';
import { tenantSchema, type Tenant } from '../../../domain/platform/tenant.js';
import { createUser, isSameNewUser } from '../../../domain/platform/user.rules.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { registerIdentity, resumeRegistration } from './identity-registration.js';
import { onboardTenantBody } from './schemas.js';

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
    const root = platformRoot();
    const { repository, directory, passwords, clock, newId } = root;
    const now = clock.now();
    const tenantId = newId(now);
    const admin = createUser(
      { id: newId(now), username: body.admin.username, displayName: body.admin.displayName, role: 'insurer-admin', tenantId },
      now,
    );
    const onboarded = onboard({ id: tenantId, name: body.name, uscc: body.uscc, branchName: body.branchName }, admin, now);
    try {
      await repository.createTenant(onboarded, await passwords.hash(body.admin.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      let first: Tenant | undefined;
      await resumeRegistration(root, error, body.admin, async ({ principal }) => {
        if (!principal.tenantId) return undefined;
        first = await repository.getTenant(principal.tenantId);
        if (!isSameTenant(first, body)) return undefined;
        const stored = await repository.getUser({ kind: 'tenant', tenantId: first.id }, principal.userId);
        return isSameNewUser(stored, admin.state) ? stored : undefined;
      });
      return { body: first };
    }
    await registerIdentity(root, admin.state, body.admin.password);
    return { body: onboarded.state.tenant };
  },
});
