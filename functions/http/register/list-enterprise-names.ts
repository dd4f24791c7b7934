import * as z from 'zod/mini';
import { REGISTER_NAMES } from '../../../domain/identity/access.js';
import { isInScope } from '../../../domain/register/register-entry.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerContext } from './composition-root.js';

const USCC_LIST = /^[0-9A-Z]{18}(,[0-9A-Z]{18}){0,49}$/;

/**
 * Issue 15 (names beside every id): the register's names of up to 50 enterprises by USCC, for the lists that
 * show a complainant or an uninsured enterprise — names only. A USCC the register does not know (or, for a
 * county EMB, of another county: ACL-4) is simply absent, so a page of mixed USCCs is one answer, never a 404.
 */
export const listEnterpriseNames = defineRoute({
  method: 'GET',
  path: '/api/v1/register/enterprise-names',
  access: REGISTER_NAMES,
  summary: "Enterprises' register names by USCC (names only; unknown ones left out)",
  tags: ['register'],
  query: z.object({ uscc: z.string('uscc: up to 50 comma-separated USCCs').check(z.regex(USCC_LIST, 'uscc: up to 50 comma-separated USCCs')) }),
  response: z.object({ items: z.array(z.object({ uscc: z.string(), name: z.string() })) }),
  async handle(input) {
    const caller = callerOf(input);
    const county = caller.agency === 'EMB_COUNTY' ? caller.county : undefined;
    const { register } = registerContext();
    const entries = await Promise.all([...new Set(input.query.uscc.split(','))].map((uscc) => register.get(uscc)));
    const items = entries.flatMap((entry) => (entry && isInScope({ county }, entry) ? [{ uscc: entry.uscc, name: entry.name }] : []));
    return { body: { items } };
  },
});
