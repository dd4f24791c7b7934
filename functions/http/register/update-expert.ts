import { NotFound, StaleVersion } from '../../../domain/kernel/errors.js';
import { changeExpert } from '../../../domain/register/expert.rules.js';
import { expertChangeBody, expertSchema } from '../../../domain/register/expert.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { expertParams } from './provider-params.js';
import { CITY_REGISTER_WRITE } from '../../../domain/identity/access.js';

/**
 * REG-3: the city EMB removes an expert from the pool, takes one back, or corrects specialties, title or
 * employer. Optimistic like every change of a register: a stale `version` is 412 and nothing changes.
 * `register.expert.updated` goes out with the change; a change that says nothing new writes nothing.
 */
export const updateExpert = defineRoute({
  method: 'PATCH',
  path: '/api/v1/regulator/experts/{expertId}',
  access: CITY_REGISTER_WRITE,
  summary: 'Change an expert’s standing, specialties, title or employer (REG-3; the city EMB)',
  tags: ['regulator'],
  params: expertParams,
  body: expertChangeBody,
  response: expertSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { providers, clock } = registerContext();
    const current = await providers.getExpert(input.params.expertId);
    if (current === undefined) throw new NotFound('expert');
    const { version, ...change } = input.body;
    if (version !== current.version) throw new StaleVersion('expert');
    const { state: updated, events } = changeExpert(current, change, { now: clock.now(), by: caller.userId });
    if (updated !== current) await providers.saveExpert(updated, version, events);
    return { body: updated, headers: { etag: `"${updated.version}"` } };
  },
});
