import type { Industry } from '../../api';
import { INDUSTRY_CODES } from '../../reference/domain';

/**
 * `GET /regulator/uninsured` and `GET /regulator/coverage` have no response schema in the OpenAPI document
 * yet (their server routes declare none), so their answers reach the console as `unknown`. These readers
 * narrow them field by field — a row that is not the expected shape is dropped, never trusted — until the
 * server documents the answers and the generated types replace this file.
 */
export interface CoverageGapGroup {
  readonly county: string;
  readonly industry: Industry;
  readonly registered: number;
  readonly uninsured: readonly string[];
}

export interface CoverageGap {
  readonly onDate: string;
  readonly mandatory: readonly CoverageGapGroup[];
  readonly advisory: readonly CoverageGapGroup[];
}

export interface CoverageCountRow {
  readonly county: string;
  readonly industry: Industry;
  readonly scope: 'MANDATORY' | 'PROMOTED';
  readonly registered: number;
  readonly insured: number;
  readonly uninsured: number;
}

export interface CoverageCounts {
  readonly onDate: string;
  readonly items: readonly CoverageCountRow[];
}

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const isIndustry = (value: unknown): value is Industry => typeof value === 'string' && (INDUSTRY_CODES as readonly string[]).includes(value);
const rows = <T>(value: unknown, read: (fields: Fields) => T | undefined): T[] =>
  Array.isArray(value) ? value.flatMap((item) => (isFields(item) ? [read(item)].filter((row): row is T => row !== undefined) : [])) : [];

const gapGroup = (fields: Fields): CoverageGapGroup | undefined =>
  isIndustry(fields.industry)
    ? {
        county: text(fields.county),
        industry: fields.industry,
        registered: count(fields.registered),
        uninsured: Array.isArray(fields.uninsured) ? fields.uninsured.filter((uscc): uscc is string => typeof uscc === 'string') : [],
      }
    : undefined;

const countRow = (fields: Fields): CoverageCountRow | undefined =>
  isIndustry(fields.industry) && (fields.scope === 'MANDATORY' || fields.scope === 'PROMOTED')
    ? {
        county: text(fields.county),
        industry: fields.industry,
        scope: fields.scope,
        registered: count(fields.registered),
        insured: count(fields.insured),
        uninsured: count(fields.uninsured),
      }
    : undefined;

/** UW-11: the uninsured enterprises by county and industry, mandatory (findings) and advisory. */
export function readCoverageGap(answer: unknown): CoverageGap {
  const fields = isFields(answer) ? answer : {};
  return { onDate: text(fields.onDate), mandatory: rows(fields.mandatory, gapGroup), advisory: rows(fields.advisory, gapGroup) };
}

/** UW-11: today's registered, insured and uninsured counts per county × industry. */
export function readCoverageCounts(answer: unknown): CoverageCounts {
  const fields = isFields(answer) ? answer : {};
  return { onDate: text(fields.onDate), items: rows(fields.items, countRow) };
}
