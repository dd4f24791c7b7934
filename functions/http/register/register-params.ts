import * as z from 'zod/mini';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { industrySchema } from '../../../domain/kernel/industry.js';
import { usccSchema } from '../../../domain/kernel/uscc.js';
import { pageQuery, idParam, searchParam } from '../zod.js';

const id = idParam;

/** UW-2: a USCC in the path is checked like any other, so a typo is a 400 naming the rule, not a 404. */
export const usccParams = z.object({ uscc: usccSchema });
export const blacklistEntryParams = z.object({ entryId: id });

export const listEnterprisesQuery = z.object({
  ...pageQuery,
  county: z.optional(areaCodeSchema),
  industry: z.optional(industrySchema),
  /** Issue 15: a USCC (one entry, by key) or part of the enterprise's name. */
  q: searchParam,
});

export const listBlacklistQuery = z.object({ ...pageQuery, insurerTenantId: z.optional(id) });
