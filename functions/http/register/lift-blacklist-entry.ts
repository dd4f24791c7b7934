import { BLACKLIST_WRITE } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { liftListing } from '../../../domain/register/blacklist.rules.js';
import { blacklistEntryViewSchema, liftBlacklistEntryBody } from '../../../domain/register/blacklist.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { blacklistView } from './blacklist-view.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';
import { blacklistEntryParams } from './register-params.js';

/**
 * BLK-1: the agency that listed an insurer lifts the listing from `liftedOn` (default today); the entry stays,
 * with who lifted it and why. `register.blacklist_entry.lifted` goes out with it.
 */
export const liftBlacklistEntry = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/blacklist/{entryId}/lift',
  access: BLACKLIST_WRITE,
  summary: 'Lift a blacklist listing (BLK-1; the agency that listed it)',
  tags: ['regulator'],
  params: blacklistEntryParams,
  body: liftBlacklistEntryBody,
  response: blacklistEntryViewSchema,
  async handle(input) {
    const actor = actorOf(callerOf(input, 'regulator'));
    const { blacklist, clock } = registerContext();
    const entry = await blacklist.get(input.params.entryId);
    if (entry === undefined) throw new NotFound('blacklist entry');
    const today = todayOf(clock);
    const { state: lifted, events } = liftListing(entry, input.body, { by: actor.regulatorId, today });
    await blacklist.save(lifted, entry.version, events);
    return { body: blacklistView(lifted, today) };
  },
});
