import { INSURER, REGULATOR_READ } from '../../../domain/identity/access.js';
import { refusalSchema } from '../../../domain/underwriting/refusal.js';
import type { Refusal } from '../../../domain/underwriting/refusal.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { idParam, pageOf, pageQuery, pageTotal } from '../zod.js';
import { underwritingRoot } from './composition-root.js';
import { countiesFor, countyQuery } from './regulator-counties.js';

/** UW-12: the insurer's own refusals to insure, newest first (ACL-1); the first page counts them (issue 15). */
export const listRefusals = defineRoute({
  method: 'GET',
  path: '/api/v1/refusals',
  access: INSURER,
  summary: 'The insurer’s own refusals to insure, newest first (UW-12)',
  tags: ['underwriting'],
  query: z.object(pageQuery),
  response: pageOf(refusalSchema),
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { refusals } = await underwritingRoot().forTenant(tenantId);
    return { body: await refusals.listByTenant(tenantId, { ...input.query, withTotal: true }) };
  },
});

/** The refusals read per insurer for the regulators' view; beyond it the view says it was cut. */
const PER_INSURER = 500;

/**
 * UW-12, ACL-2/ACL-4: every insurer's refusals to insure, newest first — a county EMB its own county's
 * enterprises only, the city EMB and the NFRA every county (or the one asked). Each insurer's refusals are read
 * through that tenant's own credentials; the platform has a handful of insurers, each with few refusals.
 */
export const listRegulatorRefusals = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/refusals',
  access: REGULATOR_READ,
  summary: 'Refusals to insure across insurers, newest first; a county EMB sees its county only (UW-12, ACL-4)',
  tags: ['regulator'],
  query: z.object({ county: countyQuery, insurerTenantId: z.optional(idParam) }),
  response: z.object({
    items: z.readonly(z.array(z.extend(refusalSchema, { insurerName: z.string() }))),
    truncated: z.boolean().check(z.meta({ description: `true when an insurer has more than ${PER_INSURER} refusals and only the newest are listed` })),
    total: pageTotal,
  }),
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const counties = new Set(countiesFor(caller, input.query.county));
    const { forTenant, platform } = underwritingRoot();
    const tenants = (await platform.listTenants({ limit: 100 })).items.filter(
      (tenant) => input.query.insurerTenantId === undefined || tenant.id === input.query.insurerTenantId,
    );
    let truncated = false;
    const perInsurer = await Promise.all(
      tenants.map(async (tenant) => {
        const { refusals } = await forTenant(tenant.id);
        const found: Refusal[] = [];
        let cursor: string | undefined;
        do {
          const page = await refusals.listByTenant(tenant.id, { limit: 100, cursor });
          found.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== undefined && found.length < PER_INSURER);
        if (cursor !== undefined) truncated = true;
        return found.filter((refusal) => counties.has(refusal.enterprise.county)).map((refusal) => ({ ...refusal, insurerName: tenant.branchName }));
      }),
    );
    const items = perInsurer.flat().sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    // Issue 15: one answer holds every row (never paged), so its total is the rows it lists.
    return { body: { items, truncated, total: items.length } };
  },
});
