import { describe, expect, it } from 'vitest';
import {
  XINZHOU_AREAS,
  XINZHOU_DEVELOPMENT_ZONE_CODE,
  areaCodeSchema,
  areaName,
  isXinzhouArea,
} from '../../../domain/kernel/area.js';
import { readEnterpriseRegister } from './enterprise-register.js';

describe('Xinzhou areas', () => {
  it('SCOPE-5 lists the 14 county-level areas with their GB/T 2260 codes', () => {
    const counties = XINZHOU_AREAS.filter((area) => area.kind === 'COUNTY_LEVEL');
    expect(Object.fromEntries(counties.map((area) => [area.code, area.nameZh]))).toEqual({
      '140902': '忻府区',
      '140981': '原平市',
      '140921': '定襄县',
      '140922': '五台县',
      '140923': '代县',
      '140924': '繁峙县',
      '140925': '宁武县',
      '140926': '静乐县',
      '140927': '神池县',
      '140928': '五寨县',
      '140929': '岢岚县',
      '140930': '河曲县',
      '140931': '保德县',
      '140932': '偏关县',
    });
  });

  it('SCOPE-5 adds the scenic area by its statistics code and the development zone by a code no official one can equal', () => {
    expect(XINZHOU_AREAS).toHaveLength(16);
    expect(XINZHOU_AREAS.find((area) => area.kind === 'SCENIC_AREA')).toEqual({
      code: '140971',
      nameZh: '五台山风景名胜区',
      kind: 'SCENIC_AREA',
    });
    expect(XINZHOU_AREAS.find((area) => area.kind === 'DEVELOPMENT_ZONE')).toEqual({
      code: 'XZ-EDZ',
      nameZh: '忻州经济开发区',
      kind: 'DEVELOPMENT_ZONE',
    });
    expect(XINZHOU_DEVELOPMENT_ZONE_CODE).not.toMatch(/^\d+$/);
    expect(new Set(XINZHOU_AREAS.map((area) => area.code)).size).toBe(16);
    for (const area of XINZHOU_AREAS.filter((candidate) => candidate.kind !== 'DEVELOPMENT_ZONE')) {
      expect(area.code).toMatch(/^1409\d\d$/);
    }
  });

  it('SCOPE-5 recognises an area and names it', () => {
    expect(isXinzhouArea('140971')).toBe(true);
    expect(isXinzhouArea('XZ-EDZ')).toBe(true);
    expect(isXinzhouArea('140900')).toBe(false);
    expect(isXinzhouArea('140102')).toBe(false);
    expect(areaName('140981')).toBe('原平市');
    expect(areaName('XZ-EDZ')).toBe('忻州经济开发区');
    expect(() => areaName('140900')).toThrow(/SCOPE-5/);
  });

  it('SCOPE-5 schema accepts every county of the seed register and names the rule otherwise', () => {
    for (const row of readEnterpriseRegister()) expect(areaCodeSchema.parse(row.county)).toBe(row.county);
    const message = areaCodeSchema.safeParse('140900').error?.issues[0]?.message;
    expect(message).toMatch(/^SCOPE-5: /);
    expect(message).toContain('XZ-EDZ');
  });
});
