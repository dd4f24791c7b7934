import * as z from 'zod/mini';
import { RULE_SET_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { ruleSetVersionViewSchema } from '../../../domain/register/rule-set-version.js';
import { defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';
import { ruleSetViews } from './rule-set-views.js';

/** RULES-1: every rule-set version — built in and published — with the one in force today marked. */
export const listRuleSets = defineRoute({
  method: 'GET',
  path: '/api/v1/rule-sets',
  access: RULE_SET_READ,
  summary: 'Every rule-set version with its figures and effective date; the one in force today is marked (RULES-1)',
  tags: ['regulator'],
  response: z.object({ items: z.array(ruleSetVersionViewSchema) }),
  async handle() {
    const { ruleSets, clock } = registerContext();
    return { body: { items: ruleSetViews(await ruleSets.list(), todayOf(clock)) } };
  },
});
