import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { serviceOrgViewSchema } from '../../../domain/register/service-org.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { registerContext } from './composition-root.js';
import { listServiceOrgsQuery } from './provider-params.js';
import { serviceOrgView } from './service-org-view.js';
import { PROVIDER_REGISTER_READ } from '../../../domain/identity/access.js';

/**
 * REG-2: the registered organisations, newest first; `usableOn` keeps those that may provide a service on
 * that day (SVC-6), which is what an insurer picks a provider from. Every regulator and insurer reads it.
 */
export const listServiceOrgs = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/service-orgs',
  access: PROVIDER_REGISTER_READ,
  summary: 'The registered third-party service organisations (REG-2), by status or usable on a day',
  tags: ['regulator'],
  query: listServiceOrgsQuery,
  response: pageOf(serviceOrgViewSchema),
  async handle(input) {
    const { providers, clock } = registerContext();
    const today = shanghaiDateOf(clock.now());
    const { status, usableOn, limit, cursor } = input.query;
    const page = await providers.listServiceOrgs({ status, usableOn, limit, cursor, withTotal: true });
    return { body: { items: page.items.map((org) => serviceOrgView(org, today)), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
