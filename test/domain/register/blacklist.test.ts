import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, RuleViolation } from '../../../domain/kernel/errors.js';
import { isActiveOn, isBlacklisted, type BlacklistEntry } from '../../../domain/register/blacklist.js';
import { liftListing, listInsurer } from '../../../domain/register/blacklist.rules.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const listed: BlacklistEntry = listInsurer(
  { insurerTenantId: 't-1', reason: '2025年度考核不合格', listedOn: '2026-01-01', until: '2027-12-31' },
  { id: 'b-1', listedBy: 'nfra', today: '2026-03-02', now: NOW },
).state;

describe('the blacklist', () => {
  it('BLK-1 lists an insurer from listedOn (default today) through until', () => {
    expect(listed).toEqual({
      id: 'b-1',
      insurerTenantId: 't-1',
      reason: '2025年度考核不合格',
      listedOn: '2026-01-01',
      until: '2027-12-31',
      listedBy: 'nfra',
      createdAt: '2026-03-02T01:00:00.000Z',
      version: 1,
    });
    const today = listInsurer({ insurerTenantId: 't-1', reason: '通报' }, { id: 'b-2', listedBy: 'emb-city', today: '2026-03-02', now: NOW }).state;
    expect(today.listedOn).toBe('2026-03-02');
    expect(today).not.toHaveProperty('until');
  });

  it('BLK-1 refuses a listing that ends before it starts', () => {
    expect(() =>
      listInsurer({ insurerTenantId: 't-1', reason: '通报', listedOn: '2026-05-01', until: '2026-04-30' }, {
        id: 'b-3',
        listedBy: 'nfra',
        today: '2026-03-02',
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ ruleId: 'BLK-1', field: 'until', status: 400 }) as RuleViolation);
  });

  it('BLK-1 bars the insurer from listedOn through until, both days included', () => {
    expect(isActiveOn(listed, '2025-12-31')).toBe(false);
    expect(isActiveOn(listed, '2026-01-01')).toBe(true);
    expect(isActiveOn(listed, '2027-12-31')).toBe(true);
    expect(isActiveOn(listed, '2028-01-01')).toBe(false);
    const open = { ...listed, until: undefined };
    expect(isActiveOn(open, '2099-12-31')).toBe(true);
  });

  it('BLK-1 bars only the listed insurer, by any of its listings', () => {
    const older = { ...listed, id: 'b-0', listedOn: '2020-01-01', until: '2020-12-31' };
    expect(isBlacklisted([older, listed], 't-1', '2020-06-01')).toBe(true);
    expect(isBlacklisted([older, listed], 't-1', '2021-06-01')).toBe(false);
    expect(isBlacklisted([older, listed], 't-2', '2026-06-01')).toBe(false);
    expect(isBlacklisted([], 't-1', '2026-06-01')).toBe(false);
  });

  it('BLK-1 lifts a listing from liftedOn on: the day before still barred, liftedOn itself not', () => {
    const lifted = liftListing(listed, { reason: '整改验收合格', liftedOn: '2026-09-01' }, { by: 'nfra', today: '2026-03-02' }).state;
    expect(lifted).toMatchObject({ liftedOn: '2026-09-01', liftedReason: '整改验收合格', liftedBy: 'nfra', version: 2 });
    expect(isBlacklisted([lifted], 't-1', '2026-08-31')).toBe(true);
    expect(isBlacklisted([lifted], 't-1', '2026-09-01')).toBe(false);
    expect(liftListing(listed, { reason: '整改合格' }, { by: 'nfra', today: '2026-03-02' }).state.liftedOn).toBe('2026-03-02');
  });

  it('BLK-1 lets only the listing agency lift, once, not before the listing nor after it ended', () => {
    expect(() => liftListing(listed, { reason: 'x' }, { by: 'emb-city', today: '2026-03-02' })).toThrow(Forbidden);
    const lifted = liftListing(listed, { reason: 'x' }, { by: 'nfra', today: '2026-03-02' }).state;
    expect(() => liftListing(lifted, { reason: 'y' }, { by: 'nfra', today: '2026-03-03' })).toThrow(Conflict);
    expect(() => liftListing(listed, { reason: 'x', liftedOn: '2025-12-31' }, { by: 'nfra', today: '2026-03-02' })).toThrow(
      expect.objectContaining({ ruleId: 'BLK-1', field: 'liftedOn' }) as RuleViolation,
    );
    expect(() => liftListing(listed, { reason: 'x', liftedOn: '2028-01-02' }, { by: 'nfra', today: '2028-01-02' })).toThrow(
      expect.objectContaining({ ruleId: 'BLK-1' }) as Conflict,
    );
  });
});
