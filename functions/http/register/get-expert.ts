import { NotFound } from '../../../domain/kernel/errors.js';
import { expertSchema } from '../../../domain/register/expert.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { expertParams } from './provider-params.js';
import { PROVIDER_REGISTER_READ } from '../../../domain/identity/access.js';

/** REG-3: one expert of the pool, removed ones included; its `version` is what a change must quote. */
export const getExpert = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/experts/{expertId}',
  access: PROVIDER_REGISTER_READ,
  summary: 'One expert of the city expert pool (REG-3)',
  tags: ['regulator'],
  params: expertParams,
  response: expertSchema,
  async handle(input) {
    const expert = await registerContext().providers.getExpert(input.params.expertId);
    if (expert === undefined) throw new NotFound('expert');
    return { body: expert, headers: { etag: `"${expert.version}"` } };
  },
});
