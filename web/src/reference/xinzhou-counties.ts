/**
 * The counties (县级行政区) of Xinzhou a county EMB can belong to: the 6-digit area codes of GB/T 2260,
 * plus the 忻州经济开发区, which has no area code of its own.
 *
 * PROVISIONAL: `XZ-EDZ` is the platform's internal code for the development zone until the lead settles it
 * (see domain/). Keep every county list of the console in this module so that change is one edit.
 */
export interface County {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const ECONOMIC_DEVELOPMENT_ZONE_CODE = 'XZ-EDZ';

export const XINZHOU_COUNTIES: readonly County[] = [
  { code: '140902', nameZh: '忻府区', nameEn: 'Xinfu District' },
  { code: '140981', nameZh: '原平市', nameEn: 'Yuanping City' },
  { code: '140921', nameZh: '定襄县', nameEn: 'Dingxiang County' },
  { code: '140922', nameZh: '五台县', nameEn: 'Wutai County' },
  { code: '140923', nameZh: '代县', nameEn: 'Dai County' },
  { code: '140924', nameZh: '繁峙县', nameEn: 'Fanshi County' },
  { code: '140925', nameZh: '宁武县', nameEn: 'Ningwu County' },
  { code: '140926', nameZh: '静乐县', nameEn: 'Jingle County' },
  { code: '140927', nameZh: '神池县', nameEn: 'Shenchi County' },
  { code: '140928', nameZh: '五寨县', nameEn: 'Wuzhai County' },
  { code: '140929', nameZh: '岢岚县', nameEn: 'Kelan County' },
  { code: '140930', nameZh: '河曲县', nameEn: 'Hequ County' },
  { code: '140931', nameZh: '保德县', nameEn: 'Baode County' },
  { code: '140932', nameZh: '偏关县', nameEn: 'Pianguan County' },
  { code: '140971', nameZh: '五台山风景名胜区', nameEn: 'Mount Wutai Scenic Area' },
  { code: ECONOMIC_DEVELOPMENT_ZONE_CODE, nameZh: '忻州经济开发区', nameEn: 'Xinzhou Economic Development Zone' },
];

const byCode = new Map(XINZHOU_COUNTIES.map((county) => [county.code, county]));

/** The county's name in the console's language; an unknown code is shown as is. */
export function countyName(code: string | undefined, locale: string): string {
  if (!code) return '';
  const county = byCode.get(code);
  if (!county) return code;
  return locale.startsWith('zh') ? county.nameZh : county.nameEn;
}
