import { defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { regulatorSchema } from '../../../domain/platform/regulator.js';
import { platformRoot } from './composition-root.js';
import { listQuery } from './schemas.js';
import { OPERATOR } from '../../../domain/identity/access.js';

export const listRegulators = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/regulators',
  access: OPERATOR,
  summary: 'List onboarded regulator agencies',
  tags: ['platform'],
  query: listQuery,
  response: pageOf(regulatorSchema),
  async handle({ query }) {
    return { body: await platformRoot().repository.listRegulators({ limit: query.limit, cursor: query.cursor, withTotal: true }) };
  },
});
