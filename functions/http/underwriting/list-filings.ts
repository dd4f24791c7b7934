import * as z from 'zod/mini';
import { QUALIFICATION_OVERSIGHT } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { withPaperFiling, paperFilingSchema } from '../../../domain/underwriting/paper-filing.js';
import { ANNEX_1_ITEM_CODES, isFilingComplete, missingAnnex1Items } from '../../../domain/underwriting/qualification.js';
import { eligibilityResultSchema, qualificationYearSchema } from '../../../domain/underwriting/qualification.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { eligibilityOn } from './eligibility-on.js';

/** The insurers read for the city EMB's view: the platform has a handful (one tenant per insurer branch). */
const MAX_INSURERS = 100;

const filingSummarySchema = z.object({
  version: z.int(),
  filedOn: z.optional(z.string()).check(z.meta({ description: 'QUAL-6: the day the filing counts as submitted (the earlier of the platform day and a recorded paper day)' })),
  filedOnSource: z.optional(z.enum(['PLATFORM', 'RECORDED'])),
  platformFiledOn: z.optional(z.string()).check(z.meta({ description: 'QUAL-6: the day the platform stamped, when the filing was first complete here' })),
  complete: z.boolean(),
  missingAnnex1Items: z.readonly(z.array(z.enum(ANNEX_1_ITEM_CODES))),
  updatedAt: z.string(),
});

/** QUAL-6: one insurer's filing for the year as the city EMB sees it. */
const insurerFilingSchema = z.object({
  insurerTenantId: z.string(),
  insurerName: z.string(),
  branchName: z.string(),
  filing: z.optional(filingSummarySchema),
  paperFiling: z.optional(paperFilingSchema),
  eligibility: eligibilityResultSchema,
});

/**
 * QUAL-6: every insurer's qualification filing for a year as the city EMB sees it — when it counts as
 * submitted and why (the platform's stamp or the city EMB's paper record), what is missing, and the insurer's
 * eligibility today. Each insurer's filing is read through that tenant's own credentials; the view writes
 * nothing. The supervision issue (14) extends it.
 */
export const listFilings = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/qualifications',
  access: QUALIFICATION_OVERSIGHT,
  summary: "Every insurer's qualification filing for a year, its filing day and today's eligibility (QUAL-6; the city EMB)",
  tags: ['regulator'],
  query: z.object({ year: qualificationYearSchema }),
  response: z.object({ year: z.int(), items: z.readonly(z.array(insurerFilingSchema)) }),
  async handle(input) {
    callerOf(input, 'regulator');
    const { forTenant, platform, paperFilings, clock } = underwritingRoot();
    const { year } = input.query;
    const today = todayOf(clock);
    const tenants = (await platform.listTenants({ limit: MAX_INSURERS })).items;
    const items = await Promise.all(
      tenants.map(async (tenant) => {
        const { qualifications } = await forTenant(tenant.id);
        const [stored, paper, { result }] = await Promise.all([
          qualifications.get(tenant.id, year),
          paperFilings.get(tenant.id, year),
          eligibilityOn(tenant.id, today, 'INDEPENDENT'),
        ]);
        const filing = withPaperFiling(stored, paper);
        return {
          insurerTenantId: tenant.id,
          insurerName: tenant.name,
          branchName: tenant.branchName,
          ...(filing === undefined
            ? {}
            : {
                filing: {
                  version: filing.version,
                  ...(filing.filedOn === undefined ? {} : { filedOn: filing.filedOn }),
                  ...(filing.filedOnSource === undefined ? {} : { filedOnSource: filing.filedOnSource }),
                  ...(stored?.filedOn === undefined ? {} : { platformFiledOn: stored.filedOn }),
                  complete: isFilingComplete(filing),
                  missingAnnex1Items: missingAnnex1Items(filing),
                  updatedAt: filing.updatedAt,
                },
              }),
          ...(paper === undefined ? {} : { paperFiling: paper }),
          eligibility: result,
        };
      }),
    );
    return { body: { year, items: items.sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN')) } };
  },
});
