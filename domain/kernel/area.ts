import * as z from 'zod/mini';

/**
 * What kind of area a code names, which is also where the code comes from: a GB/T 2260 county-level code,
 * the statistics code of the scenic area, or our own code for the development zone.
 */
export type AreaKind = 'COUNTY_LEVEL' | 'SCENIC_AREA' | 'DEVELOPMENT_ZONE';

/** One of Xinzhou's areas an enterprise can belong to (SCOPE-5). */
export interface XinzhouArea {
  readonly code: string;
  readonly nameZh: string;
  readonly kind: AreaKind;
}

/**
 * The development zone's internal code. 忻州经济开发区 has no GB/T 2260 code, and any 6-digit number we picked
 * could later be given to a real area (statistics codes such as 140971 are handed out from the same range).
 * A code with letters and a hyphen can never equal an official all-digit code, and reads as ours in any export.
 */
export const XINZHOU_DEVELOPMENT_ZONE_CODE = 'XZ-EDZ';

/**
 * SCOPE-5: the areas of Xinzhou, in code order: 14 county-level areas (GB/T 2260), then the two management
 * areas the notice addresses. ACL-4 scopes a county EMB to one of these codes.
 */
export const XINZHOU_AREAS = [
  { code: '140902', nameZh: '忻府区', kind: 'COUNTY_LEVEL' },
  { code: '140921', nameZh: '定襄县', kind: 'COUNTY_LEVEL' },
  { code: '140922', nameZh: '五台县', kind: 'COUNTY_LEVEL' },
  { code: '140923', nameZh: '代县', kind: 'COUNTY_LEVEL' },
  { code: '140924', nameZh: '繁峙县', kind: 'COUNTY_LEVEL' },
  { code: '140925', nameZh: '宁武县', kind: 'COUNTY_LEVEL' },
  { code: '140926', nameZh: '静乐县', kind: 'COUNTY_LEVEL' },
  { code: '140927', nameZh: '神池县', kind: 'COUNTY_LEVEL' },
  { code: '140928', nameZh: '五寨县', kind: 'COUNTY_LEVEL' },
  { code: '140929', nameZh: '岢岚县', kind: 'COUNTY_LEVEL' },
  { code: '140930', nameZh: '河曲县', kind: 'COUNTY_LEVEL' },
  { code: '140931', nameZh: '保德县', kind: 'COUNTY_LEVEL' },
  { code: '140932', nameZh: '偏关县', kind: 'COUNTY_LEVEL' },
  { code: '140981', nameZh: '原平市', kind: 'COUNTY_LEVEL' },
  // 140971 is a statistics code (统计用区划代码), not GB/T 2260, but it is the area's only official number.
  { code: '140971', nameZh: '五台山风景名胜区', kind: 'SCENIC_AREA' },
  { code: XINZHOU_DEVELOPMENT_ZONE_CODE, nameZh: '忻州经济开发区', kind: 'DEVELOPMENT_ZONE' },
] as const satisfies readonly XinzhouArea[];

/** SCOPE-5: the code of one of {@link XINZHOU_AREAS}. */
export type XinzhouAreaCode = (typeof XINZHOU_AREAS)[number]['code'];

const AREA_CODES = XINZHOU_AREAS.map((area) => area.code) as [XinzhouAreaCode, ...XinzhouAreaCode[]];
const NAME_OF: ReadonlyMap<string, string> = new Map(XINZHOU_AREAS.map((area) => [area.code, area.nameZh]));

/**
 * SCOPE-5: whether `code` is one of Xinzhou's areas.
 *
 * @example
 * isXinzhouArea('140971'); // true
 * isXinzhouArea('140900'); // false — the city itself is not an area an enterprise belongs to
 */
export function isXinzhouArea(code: string): code is XinzhouAreaCode {
  return NAME_OF.has(code);
}

/**
 * SCOPE-5: the Chinese name of an area.
 *
 * @throws RangeError for a code outside Xinzhou — validate input with {@link areaCodeSchema}.
 * @example
 * areaName('XZ-EDZ'); // '忻州经济开发区'
 */
export function areaName(code: string): string {
  const name = NAME_OF.get(code);
  if (name === undefined) throw new RangeError(`SCOPE-5: ${JSON.stringify(code)} is not an area of Xinzhou`);
  return name;
}

/** SCOPE-5: an area (county) code field. */
export const areaCodeSchema = z.enum(
  AREA_CODES,
  `SCOPE-5: must be one of Xinzhou's area codes (${AREA_CODES.join(', ')})`,
);
