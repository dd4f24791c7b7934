import { describe, expect, it } from 'vitest';
import {
  countyScopeProblem,
  isInScope,
  registerEnterprise,
  registeredCountDeltas,
  resolveSize,
} from '../../../domain/register/register-entry.rules.js';
import { CITY, INPUT, NOW, XINFU, entryOf } from './fixtures.js';

describe('register entries', () => {
  it('REG-1 registers a new enterprise as version 1, by the writing regulator', () => {
    const change = registerEnterprise(INPUT, undefined, XINFU, NOW).state;
    expect(change).toEqual({
      kind: 'created',
      entry: { ...INPUT, registeredBy: 'emb-county-140902', updatedAt: '2026-03-02T01:00:00.000Z', version: 1 },
    });
  });

  it('REG-1 updates a changed entry to the next version and keeps what it was', () => {
    const current = entryOf(INPUT, { version: 3 });
    const { state: change, events } = registerEnterprise({ ...INPUT, staff: 300, revenueWan: 2000, size: 'MEDIUM' }, current, CITY, NOW);
    expect(change).toMatchObject({ kind: 'updated', previous: current, entry: { size: 'MEDIUM', version: 4, registeredBy: 'emb-city' } });
    expect(events).toMatchObject([
      {
        type: 'register.enterprise.registered',
        aggregate: { type: 'register-entry', id: INPUT.uscc },
        sequence: 4,
        data: { uscc: INPUT.uscc, county: INPUT.county, registered: 1, created: 0, updated: 1, counties: [INPUT.county], by: 'emb-city' },
      },
    ]);
  });

  it('REG-1 writes nothing when the entry already says exactly this, whoever sends it', () => {
    const current = entryOf(INPUT, { registeredBy: 'emb-county-140902' });
    expect(registerEnterprise(INPUT, current, CITY, NOW)).toEqual({ state: { kind: 'unchanged', entry: current }, events: [] });
  });

  it('REG-1 drops the override reason of an entry whose size is the derived one again', () => {
    const current = entryOf({ ...INPUT, size: 'MEDIUM', sizeOverrideReason: '集团核定' });
    const change = registerEnterprise(INPUT, current, CITY, NOW).state;
    expect(change.kind).toBe('updated');
    expect(change.entry).not.toHaveProperty('sizeOverrideReason');
  });

  it('SCOPE-4 resolves the size: derived without one, kept with a reason, a problem without', () => {
    const figures = { staff: 825, revenueWan: 1111 };
    expect(resolveSize(figures, undefined, undefined)).toEqual({ size: 'SMALL' });
    expect(resolveSize(figures, 'SMALL', '多余的理由')).toEqual({ size: 'SMALL' });
    expect(resolveSize(figures, 'MEDIUM', ' 集团核定 ')).toEqual({ size: 'MEDIUM', sizeOverrideReason: '集团核定' });
    expect(resolveSize(figures, 'MEDIUM', '  ')).toEqual({ problem: expect.stringMatching(/^SCOPE-4: size MEDIUM differs from SMALL/) });
  });

  it('ACL-4 lets a county EMB write its own county’s entries only, and not take over another county’s', () => {
    expect(countyScopeProblem(XINFU, INPUT, undefined)).toBeUndefined();
    expect(countyScopeProblem(XINFU, { county: '140981' }, undefined)).toMatch(/^ACL-4: a county EMB registers enterprises of its own county \(140902\) only/);
    expect(countyScopeProblem(XINFU, INPUT, entryOf({ ...INPUT, county: '140981' }))).toMatch(/^ACL-4: the enterprise is registered in 140981/);
    expect(countyScopeProblem(CITY, { county: '140981' }, entryOf(INPUT))).toBeUndefined();
  });

  it('ACL-4 shows a county EMB its own county’s entries, the city EMB and the NFRA all', () => {
    expect(isInScope(XINFU, entryOf(INPUT))).toBe(true);
    expect(isInScope(XINFU, entryOf({ ...INPUT, county: '140981' }))).toBe(false);
    expect(isInScope({}, entryOf({ ...INPUT, county: '140981' }))).toBe(true);
  });
});

describe('registered counters', () => {
  const current = entryOf(INPUT);

  it('REG-1 counts a new entry in its county × industry', () => {
    expect(registeredCountDeltas([registerEnterprise(INPUT, undefined, CITY, NOW).state])).toEqual([
      { county: '140902', industry: 'COAL_MINE', delta: 1 },
    ]);
  });

  it('REG-1 moves the count of an entry that changes county or industry, and not of one that stays', () => {
    expect(registeredCountDeltas([registerEnterprise({ ...INPUT, county: '140981' }, current, CITY, NOW).state])).toEqual([
      { county: '140902', industry: 'COAL_MINE', delta: -1 },
      { county: '140981', industry: 'COAL_MINE', delta: 1 },
    ]);
    expect(registeredCountDeltas([registerEnterprise({ ...INPUT, industry: 'NON_COAL_MINE' }, current, CITY, NOW).state])).toEqual([
      { county: '140902', industry: 'COAL_MINE', delta: -1 },
      { county: '140902', industry: 'NON_COAL_MINE', delta: 1 },
    ]);
    expect(registeredCountDeltas([registerEnterprise({ ...INPUT, staff: 255 }, current, CITY, NOW).state])).toEqual([]);
    expect(registeredCountDeltas([registerEnterprise(INPUT, current, CITY, NOW).state])).toEqual([]);
  });

  it('REG-1 sums many changes per cell and leaves out cells that cancel out', () => {
    const other = entryOf({ ...INPUT, uscc: '91140981100000001X', county: '140981' });
    const changes = [
      registerEnterprise({ ...INPUT, county: '140981' }, current, CITY, NOW).state,
      registerEnterprise({ ...other, county: '140902' }, other, CITY, NOW).state,
      registerEnterprise({ ...INPUT, uscc: '91140902100000008A' }, undefined, CITY, NOW).state,
    ];
    expect(registeredCountDeltas(changes)).toEqual([{ county: '140902', industry: 'COAL_MINE', delta: 1 }]);
  });
});
