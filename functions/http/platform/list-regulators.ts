import { defineRoute } from '../route.js';
import { pageOf } from '../zod.js';
import { platformDeps } from './deps.js';
import { listQuery, regulatorSchema } from './schemas.js';

export const listRegulators = defineRoute({
  method: 'GET',
  path: '/api/v1/platform/regulators',
  summary: 'List onboarded regulator agencies',
  tags: ['platform'],
  query: listQuery,
  response: pageOf(regulatorSchema),
  async handle({ query }) {
    return { body: await platformDeps().repository.listRegulators({ limit: query.limit, cursor: query.cursor }) };
  },
});
