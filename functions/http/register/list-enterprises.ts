import { Forbidden } from '../../../domain/kernel/errors.js';
import { isValidUscc } from '../../../domain/kernel/uscc.js';
import { registerEntrySchema } from '../../../domain/register/register-entry.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';
import { listEnterprisesQuery } from './register-params.js';
import { REGISTER_READ } from '../../../domain/identity/access.js';

/**
 * REG-1 / ACL-4: the register, by county and industry. A county EMB reads its own county only (naming another
 * is refused); the city EMB and the NFRA read one county or all of them. Issue 15: `q` finds a USCC or part of a
 * name; the first page carries the total.
 */
export const listEnterprises = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/enterprises',
  access: REGISTER_READ,
  summary: 'The enterprise register by county and industry (a county EMB: its county only)',
  tags: ['regulator'],
  query: listEnterprisesQuery,
  response: pageOf(registerEntrySchema),
  async handle(input) {
    const regulator = callerOf(input, 'regulator');
    const actor = actorOf(regulator);
    let county: string | undefined = input.query.county;
    if (actor.county !== undefined) {
      if (county !== undefined && county !== actor.county) {
        throw new Forbidden(`ACL-4: a county EMB sees its own county (${actor.county}) only`);
      }
      county = actor.county;
    }
    const { q, industry } = input.query;
    const register = await registerContext().regulatorRegister(regulator);
    if (q !== undefined && isValidUscc(q)) {
      // Issue 15: a USCC is a key — one GetItem — still inside the caller's county (ACL-4) and the filters.
      const entry = await register.get(q);
      const found = entry && (county === undefined || entry.county === county) && (industry === undefined || entry.industry === industry);
      return { body: { items: found ? [entry] : [], total: found ? 1 : 0 } };
    }
    const page = await register.list({ county, industry, name: q, limit: input.query.limit, cursor: input.query.cursor, withTotal: true });
    return { body: page };
  },
});
