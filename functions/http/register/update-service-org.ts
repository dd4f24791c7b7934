import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound, StaleVersion } from '../../../domain/kernel/errors.js';
import { serviceOrgChangeBody, serviceOrgViewSchema } from '../../../domain/register/service-org.schema.js';
import { changeServiceOrg } from '../../../domain/register/service-org.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { serviceOrgParams } from './provider-params.js';
import { serviceOrgView } from './service-org-view.js';
import { CITY_REGISTER_WRITE } from '../../../domain/identity/access.js';

/**
 * REG-2: the city EMB suspends, reinstates or revokes a registration, or changes its validity, scope or
 * contact. Optimistic: `version` is the one the client read; if the organisation changed since — before or
 * during this request — the answer is 412 and nothing changes. A change that says nothing new writes nothing.
 * `register.service_org.updated` goes out with the change.
 */
export const updateServiceOrg = defineRoute({
  method: 'PATCH',
  path: '/api/v1/regulator/service-orgs/{orgId}',
  access: CITY_REGISTER_WRITE,
  summary: 'Change a registration’s status, validity, scope or contact (REG-2; the city EMB)',
  tags: ['regulator'],
  params: serviceOrgParams,
  body: serviceOrgChangeBody,
  response: serviceOrgViewSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { providers, clock } = registerContext();
    const current = await providers.getServiceOrg(input.params.orgId);
    if (current === undefined) throw new NotFound('service organisation');
    const { version, ...change } = input.body;
    if (version !== current.version) throw new StaleVersion('service organisation');
    const now = clock.now();
    const { state: updated, events } = changeServiceOrg(current, change, { now, by: caller.userId });
    if (updated !== current) await providers.saveServiceOrg(updated, version, events);
    return { body: serviceOrgView(updated, shanghaiDateOf(now)), headers: { etag: `"${updated.version}"` } };
  },
});
