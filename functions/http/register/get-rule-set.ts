import * as z from 'zod/mini';
import { RULE_SET_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { ruleSetVersionViewSchema } from '../../../domain/register/rule-set-version.js';
import { defineRoute } from '../../middleware/route.js';
import { idParam } from '../zod.js';
import { registerContext } from './composition-root.js';
import { ruleSetViews } from './rule-set-views.js';

const params = z.object({
  ruleSetId: idParam,
  version: z.coerce.number('RULES-1: version is a version number').check(z.int('RULES-1: version is a version number'), z.gte(1, 'RULES-1: version is a version number')),
});

/** RULES-1: one version with its figures, who published it and why. */
export const getRuleSet = defineRoute({
  method: 'GET',
  path: '/api/v1/rule-sets/{ruleSetId}/versions/{version}',
  access: RULE_SET_READ,
  summary: 'One rule-set version with its figures (RULES-1)',
  tags: ['regulator'],
  params,
  response: ruleSetVersionViewSchema,
  async handle(input) {
    const { ruleSets, clock } = registerContext();
    const views = ruleSetViews(await ruleSets.list(), todayOf(clock));
    const found = views.find((view) => view.ruleSet.id === input.params.ruleSetId && view.ruleSet.version === input.params.version);
    if (found === undefined) throw new NotFound('rule set version');
    return { body: found };
  },
});
