import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { liftListing } from '../../../domain/register/blacklist.js';
import { blacklistEntryViewSchema, liftBlacklistEntryBody } from '../../../domain/register/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { blacklistView } from './blacklist-view.js';
import { actorOf, regulatorDeps } from './deps.js';
import { blacklistEntryParams } from './schemas.js';
import { BLACKLIST_WRITE } from '../../../domain/identity/access.js';

/**
 * BLK-1: the agency that listed an insurer lifts the listing from `liftedOn` (default today); the entry stays,
 * with who lifted it and why. `regulator.blacklist_entry.lifted` goes out with it.
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
    const actor = actorOf(callerOf(input));
    const { blacklist, clock } = regulatorDeps();
    const entry = await blacklist.get(input.params.entryId);
    if (entry === undefined) throw new NotFound('blacklist entry');
    const today = shanghaiDateOf(clock.now());
    const lifted = liftListing(entry, input.body, { by: actor.regulatorId, today });
    await blacklist.save(lifted, entry.version);
    return { body: blacklistView(lifted, today) };
  },
});
