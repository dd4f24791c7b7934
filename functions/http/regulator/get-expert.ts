import { NotFound } from '../../../domain/kernel/errors.js';
import { expertSchema } from '../../../domain/register/provider-schemas.js';
import { defineRoute } from '../route.js';
import { regulatorDeps } from './deps.js';
import { expertParams } from './provider-params.js';

/** REG-3: one expert of the pool, removed ones included; its `version` is what a change must quote. */
export const getExpert = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/experts/{expertId}',
  summary: 'One expert of the city expert pool (REG-3)',
  tags: ['regulator'],
  params: expertParams,
  response: expertSchema,
  async handle(input) {
    const expert = await regulatorDeps().providers.getExpert(input.params.expertId);
    if (expert === undefined) throw new NotFound('expert');
    return { body: expert, headers: { etag: `"${expert.version}"` } };
  },
});
