import type { RegisterActor, RegisterEntry, RegisterEntryInput } from '../../../domain/register/register-entry.js';
import type { RegisterRow } from '../../../domain/register/register-row.js';

/** Row 2 of the seed register: an OTHER enterprise of 忻府区, 825 staff and 1,111万元, so SMALL. */
export const SEED_ROW: RegisterRow = {
  uscc: '91140902100000008A',
  name: '忻府昌华商贸股份有限公司',
  industry: 'OTHER',
  county: '140902',
  staff: '825',
  revenueWan: '1111',
  size: 'SMALL',
};

export const INPUT: RegisterEntryInput = {
  uscc: '91140902100079190P',
  name: '忻府忻达煤业有限责任公司',
  industry: 'COAL_MINE',
  county: '140902',
  staff: 254,
  revenueWan: 1175,
  size: 'SMALL',
};

export const CITY: RegisterActor = { regulatorId: 'emb-city' };
export const XINFU: RegisterActor = { regulatorId: 'emb-county-140902', county: '140902' };

export const NOW = new Date('2026-03-02T01:00:00.000Z');

export const entryOf = (input: RegisterEntryInput, overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  ...input,
  registeredBy: 'emb-city',
  updatedAt: '2026-01-05T02:00:00.000Z',
  version: 1,
  ...overrides,
});
