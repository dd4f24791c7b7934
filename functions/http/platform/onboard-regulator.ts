import { regulatorIdOf, type Regulator } from '../../../domain/platform/regulator.js';
import type { User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { defineRoute } from '../route.js';
import { platformDeps } from './deps.js';
import { onboardRegulatorBody, regulatorSchema } from './schemas.js';

/**
 * Onboards a regulator agency with its first administrator (role `regulator-admin`). A county EMB names
 * its county and will only ever see that county (ACL-4); one agency per area, so a repeat is a 409.
 */
export const onboardRegulator = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/regulators',
  summary: 'Onboard a regulator (city EMB, county EMB or NFRA branch) with its first administrator',
  tags: ['platform'],
  body: onboardRegulatorBody,
  response: regulatorSchema,
  successStatus: 201,
  async handle({ body }) {
    const { repository, clock, newId } = platformDeps();
    const now = clock.now();
    const createdAt = now.toISOString();
    const regulator: Regulator = {
      id: regulatorIdOf(body.agency, body.county),
      agency: body.agency,
      county: body.county,
      name: body.name,
      createdAt,
      version: 1,
    };
    const admin: User = {
      id: newId(now),
      username: body.admin.username,
      displayName: body.admin.displayName,
      role: 'regulator-admin',
      disabled: false,
      agency: body.agency,
      county: body.county,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    await repository.createRegulator(regulator, admin, await hashPassword(body.admin.password));
    return { body: regulator };
  },
});
