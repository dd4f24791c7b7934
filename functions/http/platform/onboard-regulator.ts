import { Conflict } from '../../../domain/kernel/errors.js';
import { regulatorIdOf, type Regulator } from '../../../domain/platform/regulator.js';
import type { User } from '../../../domain/platform/user.js';
import { hashPassword } from '../../adapters/auth/password.js';
import { defineRoute } from '../../middleware/route.js';
import { platformDeps } from './deps.js';
import { isSameNewUser, registerIdentity, resumeRegistration } from './identity-registration.js';
import { onboardRegulatorBody, regulatorSchema } from './schemas.js';
import { OPERATOR } from '../../../domain/identity/access.js';

/**
 * Onboards a regulator agency with its first administrator (role `regulator-admin`). A county EMB names
 * its county and will only ever see that county (ACL-4); one agency per area, so a repeat is a 409 —
 * unless it repeats an onboarding whose identity registration failed, which it then finishes.
 */
export const onboardRegulator = defineRoute({
  method: 'POST',
  path: '/api/v1/platform/regulators',
  access: OPERATOR,
  summary: 'Onboard a regulator (city EMB, county EMB or NFRA branch) with its first administrator',
  tags: ['platform'],
  body: onboardRegulatorBody,
  response: regulatorSchema,
  successStatus: 201,
  async handle({ body }) {
    const deps = platformDeps();
    const { repository, directory, clock, newId } = deps;
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
    try {
      await repository.createRegulator(regulator, admin, await hashPassword(body.admin.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      let first: Regulator | undefined;
      await resumeRegistration(deps, error, body.admin, async ({ principal }) => {
        first = await repository.getRegulator(regulator.id);
        if (!first || first.name !== regulator.name) return undefined;
        const stored = await repository.getUser({ kind: 'regulator', regulatorId: regulator.id }, principal.userId);
        return isSameNewUser(stored, admin) ? stored : undefined;
      });
      return { body: first };
    }
    await registerIdentity(deps, admin, body.admin.password);
    return { body: regulator };
  },
});
