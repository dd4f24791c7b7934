import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { serviceOrgBody, serviceOrgViewSchema } from '../../../domain/register/service-org.schema.js';
import { registerServiceOrg as register } from '../../../domain/register/service-org.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { serviceOrgView } from './service-org-view.js';
import { CITY_REGISTER_WRITE } from '../../../domain/identity/access.js';

/**
 * REG-2: the city EMB registers (备案) a third-party service organisation. The organisation, the guard that
 * holds its registration number (a second registration under the same number is 409 REG-2) and
 * `register.service_org.registered` are one transaction.
 */
export const registerServiceOrg = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/service-orgs',
  access: CITY_REGISTER_WRITE,
  summary: 'Register a third-party service organisation (REG-2; the city EMB)',
  tags: ['regulator'],
  body: serviceOrgBody,
  response: serviceOrgViewSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { providers, clock, newId } = registerContext();
    const now = clock.now();
    const { state: org, events } = register(input.body, { id: newId(now), now, by: caller.userId });
    await providers.createServiceOrg(org, events);
    return { body: serviceOrgView(org, shanghaiDateOf(now)), headers: { etag: `"${org.version}"` } };
  },
});
