import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { serviceOrgViewSchema } from '../../../domain/register/service-org.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { serviceOrgParams } from './provider-params.js';
import { serviceOrgView } from './service-org-view.js';
import { PROVIDER_REGISTER_READ } from '../../../domain/identity/access.js';

/** REG-2: one registered organisation; its `version` is what a change must quote. */
export const getServiceOrg = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/service-orgs/{orgId}',
  access: PROVIDER_REGISTER_READ,
  summary: 'One registered third-party service organisation (REG-2)',
  tags: ['regulator'],
  params: serviceOrgParams,
  response: serviceOrgViewSchema,
  async handle(input) {
    const { providers, clock } = registerContext();
    const org = await providers.getServiceOrg(input.params.orgId);
    if (org === undefined) throw new NotFound('service organisation');
    return { body: serviceOrgView(org, shanghaiDateOf(clock.now())), headers: { etag: `"${org.version}"` } };
  },
});
