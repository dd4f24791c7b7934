import { RULE_SET_PUBLISH } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { publishRuleSet as publish } from '../../../domain/register/rule-set-publication.rules.js';
import { publishRuleSetBody, ruleSetVersionViewSchema } from '../../../domain/register/rule-set-version.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { actorOf } from './register-actor.js';
import { ruleSetViews } from './rule-set-views.js';

/**
 * RULES-1: the city EMB publishes a new rule-set version — the latest copied with figures edited, effective
 * from a later day — without any change of code. Stored once and never changed, with
 * `register.rule_set.published` in the same transaction; decisions taken before keep the version they recorded.
 */
export const publishRuleSetRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/rule-sets',
  access: RULE_SET_PUBLISH,
  summary: 'Publish a new rule-set version, effective from a later day (RULES-1; the city EMB)',
  tags: ['regulator'],
  body: publishRuleSetBody,
  response: ruleSetVersionViewSchema,
  successStatus: 201,
  async handle(input) {
    const actor = actorOf(callerOf(input, 'regulator'));
    const { ruleSets, clock } = registerContext();
    const now = clock.now();
    const today = todayOf(clock);
    const { state, events } = publish(input.body, { versions: (await ruleSets.list()).map((version) => version.ruleSet), today, now, by: actor.regulatorId });
    await ruleSets.publish(state, events);
    const view = ruleSetViews(await ruleSets.list(), today).find((candidate) => candidate.ruleSet.id === state.ruleSet.id && candidate.ruleSet.version === state.ruleSet.version);
    return { body: view ?? { ...state, inForceToday: false } };
  },
});
