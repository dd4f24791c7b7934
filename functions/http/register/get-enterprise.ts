import { REGISTER_READ } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { isInScope } from '../../../domain/register/register-entry.rules.js';
import { registerEntrySchema } from '../../../domain/register/register-entry.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';
import { usccParams } from './register-params.js';

/**
 * REG-1 / ACL-4: one entry of the register. For a county EMB an enterprise of another county is outside its
 * view, and answers exactly as an unregistered one does (404), like every scoped read of the platform.
 */
export const getEnterprise = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/enterprises/{uscc}',
  access: REGISTER_READ,
  summary: 'One enterprise of the register (a county EMB: of its county)',
  tags: ['regulator'],
  params: usccParams,
  response: registerEntrySchema,
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const entry = await (await registerContext().regulatorRegister(regulator)).get(input.params.uscc);
    const actor = actorOf(regulator);
    if (entry === undefined || !isInScope(actor, entry)) throw new NotFound('register entry');
    return { body: entry };
  },
});
