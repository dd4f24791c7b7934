import { CITY_REGISTER_WRITE } from '../../../domain/identity/access.js';
import { addExpert as add } from '../../../domain/register/expert.rules.js';
import { expertBody, expertSchema } from '../../../domain/register/expert.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';

/** REG-3: the city EMB adds an expert to the 安全生产和应急救援专家库; `register.expert.added` goes out with it. */
export const addExpert = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/experts',
  access: CITY_REGISTER_WRITE,
  summary: 'Add an expert to the city expert pool (REG-3; the city EMB)',
  tags: ['regulator'],
  body: expertBody,
  response: expertSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { providers, clock, newId } = registerContext();
    const now = clock.now();
    const { state: expert, events } = add(input.body, { id: newId(now), now, by: caller.userId });
    await providers.addExpert(expert, events);
    return { body: expert, headers: { etag: `"${expert.version}"` } };
  },
});
