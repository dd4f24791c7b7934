/**
 * The areas of Xinzhou (SCOPE-5) a county EMB can belong to: codes, order and Chinese names are the
 * domain's (`XINZHOU_AREAS`); the English renderings are the console's, keyed by the domain's codes.
 */
import { XINZHOU_AREAS, XINZHOU_DEVELOPMENT_ZONE_CODE } from './domain';

type AreaCode = (typeof XINZHOU_AREAS)[number]['code'];

export interface County {
  readonly code: AreaCode;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const ECONOMIC_DEVELOPMENT_ZONE_CODE = XINZHOU_DEVELOPMENT_ZONE_CODE;

const AREA_NAMES_EN: Readonly<Record<AreaCode, string>> = {
  '140902': 'Xinfu District',
  '140981': 'Yuanping City',
  '140921': 'Dingxiang County',
  '140922': 'Wutai County',
  '140923': 'Dai County',
  '140924': 'Fanshi County',
  '140925': 'Ningwu County',
  '140926': 'Jingle County',
  '140927': 'Shenchi County',
  '140928': 'Wuzhai County',
  '140929': 'Kelan County',
  '140930': 'Hequ County',
  '140931': 'Baode County',
  '140932': 'Pianguan County',
  '140971': 'Mount Wutai Scenic Area',
  [XINZHOU_DEVELOPMENT_ZONE_CODE]: 'Xinzhou Economic Development Zone',
};

export const XINZHOU_COUNTIES: readonly County[] = XINZHOU_AREAS.map(({ code, nameZh }) => ({ code, nameZh, nameEn: AREA_NAMES_EN[code] }));

const byCode = new Map<string, County>(XINZHOU_COUNTIES.map((county) => [county.code, county]));

/** The county's name in the console's language; an unknown code is shown as is. */
export function countyName(code: string | undefined, locale: string): string {
  if (!code) return '';
  const county = byCode.get(code);
  if (!county) return code;
  return locale.startsWith('zh') ? county.nameZh : county.nameEn;
}

/** A county filter's value (from the URL or a form) as an area code the API takes; anything else is no filter. */
export const asAreaCode = (value: string | undefined): AreaCode | undefined => (value && byCode.has(value) ? (value as AreaCode) : undefined);
