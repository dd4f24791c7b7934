import * as z from 'zod/mini';
import { ruleSetFiguresSchema, ruleSetSchema } from '../kernel/rule-set/rule-set.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';

const NOTE_MAX = 500;

/**
 * RULES-1: one version of the rule set as the register keeps it — the figures, and who published it when. A
 * built-in version (xinzhou-2024 v1, the notice's own figures) ships with the platform; later versions are
 * published by the city EMB and are never changed or removed once published.
 */
export const ruleSetVersionSchema = z.object({
  ruleSet: ruleSetSchema,
  builtIn: z.boolean().check(z.meta({ description: 'true for a version shipped with the platform (the notice’s figures)' })),
  publishedAt: z.optional(z.string().check(z.meta({ description: 'When the city EMB published it (ISO 8601, UTC); absent when built in' }))),
  publishedBy: z.optional(z.string().check(z.meta({ description: 'The agency (regulator id) that published it' }))),
  basedOnVersion: z.optional(z.int().check(z.meta({ description: 'The version it was copied from and edited' }))),
  note: z.optional(z.string().check(z.meta({ description: 'Why the figures changed (e.g. the document that changed them)' }))),
});
export type RuleSetVersion = z.output<typeof ruleSetVersionSchema>;

/** RULES-1: a version with whether it is the one in force today. */
export const ruleSetVersionViewSchema = z.extend(ruleSetVersionSchema, {
  inForceToday: z.boolean().check(z.meta({ description: 'RULES-1: the version a decision taken today (Asia/Shanghai) uses' })),
});
export type RuleSetVersionView = z.output<typeof ruleSetVersionViewSchema>;

/**
 * RULES-1: `POST /regulator/rule-sets` — the city EMB publishes a new version of a series: a copy of the
 * series' latest version (`basedOn`) with figures edited, including the day it takes effect. The platform
 * assigns the next version number.
 *
 * @example
 * publishRuleSetBody.parse({ basedOn: { ruleSetId: 'xinzhou-2024', ruleSetVersion: 1 }, note: '忻应急发〔2025〕N号',
 *   figures: { ...XINZHOU_2024 minus id, version and region, effectiveFrom: '2025-07-01', preventionFeeFloorBasisPoints: 1600 } });
 */
export const publishRuleSetBody = z.strictObject({
  basedOn: z.strictObject({
    ruleSetId: z.string('RULES-1: basedOn.ruleSetId is the series the new version continues'),
    ruleSetVersion: z.int('RULES-1: basedOn.ruleSetVersion is the latest version, which the new one copies'),
  }),
  note: z.string('RULES-1: note is required: why the figures change (the document that changes them)').check(
    z.minLength(1, 'RULES-1: note is required: why the figures change (the document that changes them)'),
    z.maxLength(NOTE_MAX, `RULES-1: note is at most ${NOTE_MAX} characters`),
  ),
  figures: ruleSetFiguresSchema,
});
export type PublishRuleSetBody = z.output<typeof publishRuleSetBody>;

/** The versions a built-in list stands for, as the register lists them. */
export const builtInVersions = (ruleSets: readonly RuleSet[]): RuleSetVersion[] => ruleSets.map((ruleSet) => ({ ruleSet, builtIn: true }));
