import { NotFound } from '../../../domain/kernel/errors.js';
import { registerEntrySchema } from '../../../domain/register/register-entry.schema.js';
import { defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { usccParams } from './register-params.js';
import { REGISTER_LOOKUP } from '../../../domain/identity/access.js';

/**
 * REG-1: an insurer looks up one enterprise it is about to underwrite (industry, size, staff for UW-1/UW-3),
 * whatever its county. One entry by USCC only: insurers cannot list the register.
 */
export const lookUpEnterprise = defineRoute({
  method: 'GET',
  path: '/api/v1/register/enterprises/{uscc}',
  access: REGISTER_LOOKUP,
  summary: 'One enterprise of the regulators’ register, for underwriting',
  tags: ['register'],
  params: usccParams,
  response: registerEntrySchema,
  async handle(input) {
    const entry = await registerContext().register.get(input.params.uscc);
    if (entry === undefined) throw new NotFound('register entry');
    return { body: entry };
  },
});
