import { Forbidden, RuleViolation, StaleVersion } from '../../../domain/kernel/errors.js';
import { countyScopeProblem, registerEnterprise as register, resolveSize } from '../../../domain/register/register-entry.rules.js';
import { registerEntryBody, registerEntrySchema } from '../../../domain/register/register-entry.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';
import { REGISTER_WRITE } from '../../../domain/identity/access.js';

/**
 * REG-1: the city EMB or a county EMB adds an enterprise to the register or updates its entry (201 when
 * new, 200 otherwise; nothing is written when the entry already says this). A county EMB writes its own
 * county's entries only (ACL-4, 403). The entry, the registered counters it moves and the
 * `register.enterprise.registered` event are one transaction.
 */
export const registerEnterprise = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/enterprises',
  access: REGISTER_WRITE,
  summary: 'Add (201) or update (200) one enterprise of the register (REG-1; a county EMB: its county only)',
  tags: ['regulator'],
  body: registerEntryBody,
  response: registerEntrySchema,
  async handle(input) {
    const actor = actorOf(callerOf(input, 'regulator'));
    const { version, size: stated, sizeOverrideReason, ...fields } = input.body;
    const size = resolveSize(fields, stated, sizeOverrideReason);
    if ('problem' in size) throw new RuleViolation('SCOPE-4', 'sizeOverrideReason', size.problem, 400);
    const entryInput = { ...fields, ...size };
    const { register: repository, clock } = registerContext();
    const current = await repository.get(entryInput.uscc);
    const outside = countyScopeProblem(actor, entryInput, current);
    if (outside !== undefined) throw new Forbidden(outside);
    if (version !== undefined && current?.version !== version) throw new StaleVersion('register entry');
    const { state: change, events } = register(entryInput, current, actor, clock.now());
    await repository.save(change, events);
    return { status: change.kind === 'created' ? 201 : 200, body: change.entry };
  },
});
