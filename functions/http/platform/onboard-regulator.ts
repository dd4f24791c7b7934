import { OPERATOR } from '../../../domain/identity/access.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { onboardRegulator as onboard } from '../../../domain/platform/regulator.rules.js';
import { regulatorSchema, type Regulator } from '../../../domain/platform/regulator.js';
import { createUser, isSameNewUser } from '../../../domain/platform/user.rules.js';
import { defineRoute } from '../../middleware/route.js';
import { platformRoot } from './composition-root.js';
import { registerIdentity, resumeRegistration } from './identity-registration.js';
import { onboardRegulatorBody } from './schemas.js';

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
    const root = platformRoot();
    const { repository, directory, passwords, clock, newId } = root;
    const now = clock.now();
    const admin = createUser(
      {
        id: newId(now),
        username: body.admin.username,
        displayName: body.admin.displayName,
        role: 'regulator-admin',
        agency: body.agency,
        county: body.county,
      },
      now,
    );
    const onboarded = onboard({ agency: body.agency, county: body.county, name: body.name }, admin, now);
    const { regulator } = onboarded.state;
    try {
      await repository.createRegulator(onboarded, await passwords.hash(body.admin.password), { identityPending: directory.external });
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      let first: Regulator | undefined;
      await resumeRegistration(root, error, body.admin, async ({ principal }) => {
        first = await repository.getRegulator(regulator.id);
        if (!first || first.name !== regulator.name) return undefined;
        const stored = await repository.getUser({ kind: 'regulator', regulatorId: regulator.id }, principal.userId);
        return isSameNewUser(stored, admin.state) ? stored : undefined;
      });
      return { body: first };
    }
    await registerIdentity(root, admin.state, body.admin.password);
    return { body: regulator };
  },
});
