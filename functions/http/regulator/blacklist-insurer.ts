import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { listInsurer } from '../../../domain/register/blacklist.js';
import { blacklistEntryBody, blacklistEntryViewSchema } from '../../../domain/register/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { blacklistView } from './blacklist-view.js';
import { actorOf, regulatorDeps } from './deps.js';
import { BLACKLIST_WRITE } from '../../../domain/identity/access.js';

/**
 * BLK-1: the city EMB or the NFRA lists an insurer on the joint-punishment blacklist; from `listedOn` the
 * insurer is ineligible (QUAL-2). `regulator.blacklist_entry.listed` goes out with it.
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
    const actor = actorOf(callerOf(input));
    const { blacklist, platform, clock, newId } = regulatorDeps();
    if (!(await platform.getTenant(input.body.insurerTenantId))) throw new NotFound('insurer');
    const now = clock.now();
    const today = shanghaiDateOf(now);
    const entry = listInsurer(input.body, { id: newId(now), listedBy: actor.regulatorId, today, now });
    await blacklist.create(entry);
    return { body: blacklistView(entry, today) };
  },
});
