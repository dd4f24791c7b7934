import { describe, expect, it } from 'vitest';
import type { RuleViolation } from '../../../domain/kernel/errors.js';
import { serviceOrgBody, serviceOrgChangeBody } from '../../../domain/register/service-org.schema.js';
import { isServiceOrgUsableOn } from '../../../domain/register/service-org.js';
import { changeServiceOrg, registerServiceOrg } from '../../../domain/register/service-org.rules.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const LATER = new Date('2026-04-01T02:00:00.000Z');
const USCC = '91140902100000008A';

const INPUT = {
  name: '忻州安泰安全技术服务有限公司',
  uscc: USCC,
  registrationNumber: '忻应急备〔2026〕001号',
  validFrom: '2026-01-01',
  validTo: '2028-12-31',
  scope: ['RISK_ASSESSMENT', 'HAZARD_INSPECTION'],
};

const org = registerServiceOrg(INPUT, { id: 'o-1', now: NOW, by: 'u-city' }).state;

describe('REG-2 registering a service organisation', () => {
  it('REG-2 registers an organisation ACTIVE by default, version 1, stamped with who and when', () => {
    expect(org).toEqual({
      id: 'o-1',
      ...INPUT,
      status: 'ACTIVE',
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-03-02T01:00:00.000Z',
      updatedBy: 'u-city',
      version: 1,
    });
    expect(org).not.toHaveProperty('contact');
  });

  it('REG-2 keeps a stated status and contact, and each scope tag once', () => {
    const suspended = registerServiceOrg(
      { ...INPUT, status: 'SUSPENDED', contact: '张经理 0350-3030303', scope: ['HAZARD_INSPECTION', 'HAZARD_INSPECTION', 'TRAINING'] },
      { id: 'o-2', now: NOW, by: 'u-city' },
    ).state;
    expect(suspended).toMatchObject({ status: 'SUSPENDED', contact: '张经理 0350-3030303', scope: ['HAZARD_INSPECTION', 'TRAINING'] });
  });

  it('REG-2 accepts a registration valid for one day and refuses one whose validTo is before validFrom (400 validTo)', () => {
    expect(registerServiceOrg({ ...INPUT, validTo: INPUT.validFrom }, { id: 'o-3', now: NOW, by: 'u' }).state.validTo).toBe('2026-01-01');
    expect(() => registerServiceOrg({ ...INPUT, validTo: '2025-12-31' }, { id: 'o-4', now: NOW, by: 'u' })).toThrow(
      expect.objectContaining({ ruleId: 'REG-2', field: 'validTo', status: 400 }) as RuleViolation,
    );
  });
});

describe('REG-2 changing a registration', () => {
  it('REG-2 suspends a registration: a new version, the old one untouched', () => {
    const suspended = changeServiceOrg(org, { status: 'SUSPENDED' }, { now: LATER, by: 'u-2' }).state;
    expect(suspended).toMatchObject({ status: 'SUSPENDED', version: 2, updatedAt: '2026-04-01T02:00:00.000Z', updatedBy: 'u-2' });
    expect(suspended.createdAt).toBe(org.createdAt);
    expect(org.status).toBe('ACTIVE');
  });

  it('REG-2 returns the organisation itself when the change says nothing new', () => {
    expect(changeServiceOrg(org, {}, { now: LATER, by: 'u-2' }).state).toBe(org);
    expect(changeServiceOrg(org, {}, { now: LATER, by: 'u-2' }).events).toEqual([]);
    expect(changeServiceOrg(org, { status: 'ACTIVE', validTo: org.validTo, scope: [...org.scope] }, { now: LATER, by: 'u-2' }).state).toBe(org);
  });

  it('REG-2 extends or shortens validity but never below validFrom (400 validTo)', () => {
    expect(changeServiceOrg(org, { validTo: '2029-12-31' }, { now: LATER, by: 'u' }).state.validTo).toBe('2029-12-31');
    expect(() => changeServiceOrg(org, { validTo: '2025-06-30' }, { now: LATER, by: 'u' })).toThrow(
      expect.objectContaining({ ruleId: 'REG-2', field: 'validTo', status: 400 }) as RuleViolation,
    );
  });

  it('REG-2 sets, replaces and clears the contact (null), and replaces the scope', () => {
    const withContact = changeServiceOrg(org, { contact: '李工 13800000000', scope: ['TRAINING'] }, { now: LATER, by: 'u' }).state;
    expect(withContact).toMatchObject({ contact: '李工 13800000000', scope: ['TRAINING'], version: 2 });
    const cleared = changeServiceOrg(withContact, { contact: null }, { now: LATER, by: 'u' }).state;
    expect(cleared).not.toHaveProperty('contact');
    expect(cleared.version).toBe(3);
  });

  it('REG-2 reinstates a suspended registration but treats a revocation as final (409 status)', () => {
    const suspended = changeServiceOrg(org, { status: 'SUSPENDED' }, { now: LATER, by: 'u' }).state;
    expect(changeServiceOrg(suspended, { status: 'ACTIVE' }, { now: LATER, by: 'u' }).state.status).toBe('ACTIVE');
    const revoked = changeServiceOrg(org, { status: 'REVOKED' }, { now: LATER, by: 'u' }).state;
    expect(() => changeServiceOrg(revoked, { status: 'ACTIVE' }, { now: LATER, by: 'u' })).toThrow(
      expect.objectContaining({ ruleId: 'REG-2', field: 'status', status: 409 }) as RuleViolation,
    );
    expect(changeServiceOrg(revoked, { contact: '已撤销备案' }, { now: LATER, by: 'u' }).state.status).toBe('REVOKED');
  });
});

describe('SVC-6 an organisation usable on a day', () => {
  it('SVC-6 is usable only ACTIVE and from validFrom through validTo, both days included', () => {
    expect(isServiceOrgUsableOn(org, '2025-12-31')).toBe(false);
    expect(isServiceOrgUsableOn(org, '2026-01-01')).toBe(true);
    expect(isServiceOrgUsableOn(org, '2028-12-31')).toBe(true);
    expect(isServiceOrgUsableOn(org, '2029-01-01')).toBe(false);
    expect(isServiceOrgUsableOn({ ...org, status: 'SUSPENDED' }, '2026-06-01')).toBe(false);
    expect(isServiceOrgUsableOn({ ...org, status: 'REVOKED' }, '2026-06-01')).toBe(false);
  });
});

describe('REG-2 request bodies', () => {
  it('REG-2 names every missing field with its rule', () => {
    const result = serviceOrgBody.safeParse({});
    expect(result.success).toBe(false);
    const fields = new Map(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect([...fields.keys()].sort()).toEqual(['name', 'registrationNumber', 'scope', 'uscc', 'validFrom', 'validTo']);
    expect(fields.get('uscc')).toMatch(/^UW-2:/);
    expect(fields.get('registrationNumber')).toMatch(/^REG-2:/);
  });

  it('UW-2 refuses a USCC with a wrong check character', () => {
    const result = serviceOrgBody.safeParse({ ...INPUT, uscc: '91140902100000008B' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['uscc'], message: expect.stringMatching(/^UW-2: the check character/) as string })]);
  });

  it('REG-2 refuses an empty scope, a blank tag, an unknown status and an unknown field', () => {
    const paths = (body: unknown) => serviceOrgBody.safeParse(body).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ ...INPUT, scope: [] })).toEqual(['scope']);
    expect(paths({ ...INPUT, scope: ['  '] })).toEqual(['scope.0']);
    expect(paths({ ...INPUT, status: 'EXPIRED' })).toEqual(['status']);
    expect(serviceOrgBody.safeParse({ ...INPUT, colour: 'red' }).error?.issues[0]?.message).toBe('unknown field(s): colour');
  });

  it('REG-2 requires the version on a change and lets contact be cleared with null', () => {
    expect(serviceOrgChangeBody.safeParse({ status: 'SUSPENDED' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['version']);
    expect(serviceOrgChangeBody.parse({ contact: null, version: 3 })).toEqual({ contact: null, version: 3 });
    expect(serviceOrgChangeBody.safeParse({ validTo: '2026-02-30', version: 1 }).error?.issues[0]?.message).toMatch(/^CAL-1:/);
  });
});
