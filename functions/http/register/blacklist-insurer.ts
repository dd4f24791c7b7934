import { BLACKLIST_WRITE } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { listInsurer } from '../../../domain/register/blacklist.rules.js';
import { blacklistEntryBody, blacklistEntryViewSchema } from '../../../domain/register/blacklist.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { blacklistView } from './blacklist-view.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';

/**
 * BLK-1: the city EMB or the NFRA lists an insurer on the joint-punishment blacklist; from `listedOn` the
 * insurer is ineligible (QUAL-2). `register.blacklist_entry.listed` goes out with it.
 */
export const blacklistInsurer = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/blacklist',
  access: BLACKLIST_WRITE,
  summary: 'List an insurer on the blacklist (BLK-1; the city EMB and the NFRA)',
  tags: ['regulator'],
  body: blacklistEntryBody,
  response: blacklistEntryViewSchema,
  successStatus: 201,
  async handle(input) {
    const actor = actorOf(callerOf(input, 'regulator'));
    const { blacklist, tenants, clock, newId } = registerContext();
    if (!(await tenants.getTenant(input.body.insurerTenantId))) throw new NotFound('insurer');
    const now = clock.now();
    const today = shanghaiDateOf(now);
    const { state: entry, events } = listInsurer(input.body, { id: newId(now), listedBy: actor.regulatorId, today, now });
    await blacklist.create(entry, events);
    return { body: blacklistView(entry, today) };
  },
});
