import * as z from 'zod/mini';

/** SCOPE-4: size classes of 《统计上大中小微型企业划分办法（2017）》, largest first. */
export const ENTERPRISE_SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;

/** SCOPE-4: one of {@link ENTERPRISE_SIZES}. SVC-1 separates 大中型 (LARGE, MEDIUM) from 小微型 (SMALL, MICRO). */
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** What SCOPE-4 classifies on: employees (从业人员) and yearly operating revenue in 万元 (营业收入). */
export interface SizeFigures {
  staff: number;
  revenueWan: number;
}

/**
 * Lower bounds of the 工业 rows of the 2017 measures, largest class first. DOMAIN.md applies them to every
 * industry. They are national statistics, not a figure the city EMB configures, so they are not in the
 * rule set.
 */
const THRESHOLDS: readonly { size: Exclude<EnterpriseSize, 'MICRO'>; staff: number; revenueWan: number }[] = [
  { size: 'LARGE', staff: 1000, revenueWan: 40_000 },
  { size: 'MEDIUM', staff: 300, revenueWan: 2_000 },
  { size: 'SMALL', staff: 20, revenueWan: 300 },
];

/**
 * SCOPE-4: the size class derived from staff and revenue. A class is reached only when **both** lower bounds
 * are met (the 2017 measures: 须同时满足所列指标的下限，否则下划一档), so 1,200 staff with 1,500万元 is SMALL.
 * The result is a default; the enterprise record may override it with a recorded reason.
 *
 * @throws RangeError when a figure is negative or not a finite number.
 * @example
 * classifyEnterpriseSize({ staff: 825, revenueWan: 1111 }); // 'SMALL'
 */
export function classifyEnterpriseSize({ staff, revenueWan }: SizeFigures): EnterpriseSize {
  if (!Number.isFinite(staff) || staff < 0 || !Number.isFinite(revenueWan) || revenueWan < 0) {
    throw new RangeError(`SCOPE-4: staff and revenue must be non-negative numbers, got ${staff} and ${revenueWan}`);
  }
  const reached = THRESHOLDS.find((threshold) => staff >= threshold.staff && revenueWan >= threshold.revenueWan);
  return reached?.size ?? 'MICRO';
}

/** SCOPE-4: an enterprise size field. */
export const enterpriseSizeSchema = z.enum(
  ENTERPRISE_SIZES,
  `SCOPE-4: size must be one of ${ENTERPRISE_SIZES.join(', ')}`,
);
