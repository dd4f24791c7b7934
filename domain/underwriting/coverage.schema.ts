import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { about } from './fields.schema.js';

// UW-11's answers to regulators: the coverage gap (应保未保) on a date and today's pre-aggregated counts.

/** UW-11: the uninsured enterprises of one county and one industry. */
export const coverageGapGroupSchema = z.object({
  county: about(z.string(), 'SCOPE-5 area code'),
  industry: z.enum(INDUSTRIES),
  registered: about(z.int(), 'How many enterprises of this county and industry the register lists'),
  uninsured: about(z.readonly(z.array(z.string())), 'Their USCCs, sorted'),
});

/**
 * UW-11: enterprises with no policy in force on `onDate`, by county and industry. `mandatory` lists SCOPE-2
 * industries — findings (应保未保); `advisory` lists SCOPE-3 industries — reported, not violations. OTHER is
 * encouraged only and never listed.
 */
export const coverageGapSchema = z.object({
  onDate: localDateSchema,
  mandatory: about(z.readonly(z.array(coverageGapGroupSchema)), 'SCOPE-2 industries: findings (应保未保)'),
  advisory: about(z.readonly(z.array(coverageGapGroupSchema)), 'SCOPE-3 industries: reported, not violations'),
  names: about(z.record(z.string(), z.string()), "Each listed USCC's enterprise name, from the register (issue 15: names beside every id)"),
});

/** UW-11: one county × industry row of today's counts. */
export const coverageCountSchema = z.object({
  county: about(z.string(), 'SCOPE-5 area code'),
  industry: z.enum(INDUSTRIES),
  scope: about(z.enum(['MANDATORY', 'PROMOTED']), 'SCOPE-2 (mandatory) or SCOPE-3 (promoted)'),
  registered: about(z.int(), 'Enterprises the register lists (REG-1)'),
  insured: about(z.int(), 'Of them, insured today by any insurer'),
  uninsured: about(z.int(), 'registered − insured'),
});

/** UW-11: `GET /regulator/coverage` — today's counts per county and industry. */
export const coverageCountsSchema = z.object({
  onDate: localDateSchema,
  items: z.readonly(z.array(coverageCountSchema)),
});
