import { expertSchema } from '../../../domain/register/expert.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { registerContext } from './composition-root.js';
import { listExpertsQuery } from './provider-params.js';
import { PROVIDER_REGISTER_READ } from '../../../domain/identity/access.js';

/** REG-3: the expert pool, newest first, by status or specialty; every regulator and insurer reads it (SVC-6). */
export const listExperts = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/experts',
  access: PROVIDER_REGISTER_READ,
  summary: 'The city expert pool (REG-3), by status or specialty',
  tags: ['regulator'],
  query: listExpertsQuery,
  response: pageOf(expertSchema),
  async handle(input) {
    const { status, specialty, limit, cursor } = input.query;
    const page = await registerContext().providers.listExperts({ status, specialty, limit, cursor, withTotal: true });
    return { body: { items: page.items, nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) } };
  },
});
