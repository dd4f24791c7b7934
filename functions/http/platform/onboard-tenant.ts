import type { Tenant } from '../../../domain/platform/tenant.js';
import type { User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { defineRoute } from '../route.js';
import { platformDeps } from './deps.js';
import { onboardTenantBody, tenantSchema } from './schemas.js';

/**
 * Onboards an insurer: the tenant, its first administrator and their events, in one transaction.
 * Primary course: 1. validate (USCC check character, UW-2) 2. create tenant + USCC guard + admin + sign-in
 * record 3. answer 201. A second insurer with the same USCC, or a taken user name, is a 409.
 */
export const onboardTenant = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/tenants',
  summary: 'Onboard an insurer (a tenant) with its first administrator',
  tags: ['platform'],
  body: onboardTenantBody,
  response: tenantSchema,
  successStatus: 201,
  async handle({ body }) {
    const { repository, clock, newId } = platformDeps();
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
    await repository.createTenant(tenant, admin, await hashPassword(body.admin.password));
    return { body: tenant };
  },
});
