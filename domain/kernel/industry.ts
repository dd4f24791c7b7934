import * as z from 'zod/mini';

/**
 * SCOPE-1: the industry codes the notice distinguishes, in the notice's order (mandatory first, then
 * promoted, then everything else).
 */
export const INDUSTRIES = [
  'COAL_MINE',
  'NON_COAL_MINE',
  'TAILINGS_POND',
  'HAZCHEM',
  'FIREWORKS',
  'METAL_SMELTING',
  'CHEMICAL',
  'DUST_EXPLOSION',
  'GAS_GENERATOR',
  'CONFINED_SPACE',
  'MASS_CASUALTY_OTHER',
  'OTHER',
] as const;

/** SCOPE-1: one of {@link INDUSTRIES}. */
export type Industry = (typeof INDUSTRIES)[number];

/**
 * SCOPE-1: the names used in the notice, for documents and screens. 非煤矿山 and 尾矿库 stay separate
 * codes because the regulators' register (REG-1) counts them apart, even though they share obligations.
 */
export const INDUSTRY_NAMES_ZH: Record<Industry, string> = {
  COAL_MINE: '煤矿',
  NON_COAL_MINE: '非煤矿山',
  TAILINGS_POND: '尾矿库',
  HAZCHEM: '危险化学品',
  FIREWORKS: '烟花爆竹',
  METAL_SMELTING: '金属冶炼',
  CHEMICAL: '化工',
  DUST_EXPLOSION: '粉尘涉爆工贸',
  GAS_GENERATOR: '使用煤气发生炉工贸',
  CONFINED_SPACE: '有限空间作业工贸',
  MASS_CASUALTY_OTHER: '其他可能导致群死群伤',
  OTHER: '其他',
};

/**
 * How strongly the notice pushes 安责险 on an industry: 全面实施 (an uninsured enterprise is a finding),
 * 全面推行 (advisory) or 积极推广 (encouraged only).
 */
export type IndustryScope = 'MANDATORY' | 'PROMOTED' | 'ENCOURAGED';

const SCOPE_OF: Record<Industry, IndustryScope> = {
  COAL_MINE: 'MANDATORY',
  NON_COAL_MINE: 'MANDATORY',
  TAILINGS_POND: 'MANDATORY',
  HAZCHEM: 'MANDATORY',
  FIREWORKS: 'MANDATORY',
  METAL_SMELTING: 'MANDATORY',
  CHEMICAL: 'PROMOTED',
  DUST_EXPLOSION: 'PROMOTED',
  GAS_GENERATOR: 'PROMOTED',
  CONFINED_SPACE: 'PROMOTED',
  MASS_CASUALTY_OTHER: 'PROMOTED',
  OTHER: 'ENCOURAGED',
};

/**
 * SCOPE-2, SCOPE-3: the notice's scope for an industry. UW-11 lists uninsured enterprises of MANDATORY
 * industries as 应保未保; PROMOTED ones are reported as advisory only.
 *
 * @example
 * industryScope('TAILINGS_POND'); // 'MANDATORY'
 * industryScope('CHEMICAL');      // 'PROMOTED'
 */
export function industryScope(industry: Industry): IndustryScope {
  return SCOPE_OF[industry];
}

/** The industries whose obligations (SVC-1) are defined: every code except TAILINGS_POND. */
export type ObligationIndustry = Exclude<Industry, 'TAILINGS_POND'>;

/** {@link INDUSTRIES} without TAILINGS_POND, in the same order: the rows of SVC-1's table. */
export const OBLIGATION_INDUSTRIES: readonly ObligationIndustry[] = INDUSTRIES.filter(
  (industry): industry is ObligationIndustry => industry !== 'TAILINGS_POND',
);

/**
 * SCOPE-1, SVC-1: the industry whose obligations apply. A tailings pond is treated as a non-coal mine — Annex 3
 * art. 9 says 非煤矿山（含尾矿库） — so rule sets need not repeat the non-coal row for it.
 *
 * @example
 * obligationIndustryOf('TAILINGS_POND'); // 'NON_COAL_MINE'
 */
export function obligationIndustryOf(industry: Industry): ObligationIndustry {
  return industry === 'TAILINGS_POND' ? 'NON_COAL_MINE' : industry;
}

/** SCOPE-1: an industry code field. */
export const industrySchema = z.enum(INDUSTRIES, `SCOPE-1: industry must be one of ${INDUSTRIES.join(', ')}`);
