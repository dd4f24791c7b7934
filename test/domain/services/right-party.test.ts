import { describe, expect, it } from 'vitest';
import { reviewFlagsOf } from '../../../domain/services/evidence-flags.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { captureRectificationOnSite, reportRectification, verifyHazard } from '../../../domain/services/hazard.rules.js';
import { captureOnSiteSignature, confirmRecord } from '../../../domain/services/service-sign-off.rules.js';
import { issueHazard } from '../../../domain/services/service-record.rules.js';
import { SHA, at, completed, completedWith, evidenceAt, expectViolation, followedUp } from './fixtures.js';

const NOW = at('2024-10-09T02:00:00Z');
const SIGNED_AT = '2024-10-09T10:00:00+08:00';
const XINZHOU = { latitude: 38.41, longitude: 112.73 };

const insurerSigned = () => confirmRecord(followedUp(), { party: 'INSURER', signerName: '王经理', signedAt: SIGNED_AT }, { now: NOW, by: 'staff-1' }).state;

describe('SVC-9 SVC-13 the enterprise signature captured on site', () => {
  it('SVC-9 refuses an on-site capture for an enterprise with an account of its own (409 naming enterprise.uscc)', () => {
    expectViolation(
      () => captureOnSiteSignature(insurerSigned(), { signerName: '李矿长', signedAt: SIGNED_AT, location: XINZHOU }, { now: NOW, by: 'staff-1', enterpriseHasAccount: true }),
      'SVC-9',
      'enterprise.uscc',
      409,
    );
  });

  it('SVC-9 SVC-13 confirms the record for an enterprise without an account, kept as on-site and flagged', () => {
    const signed = captureOnSiteSignature(
      insurerSigned(),
      { signerName: '李矿长', signerTitle: '矿长', signedAt: SIGNED_AT, location: XINZHOU },
      { now: NOW, by: 'staff-1', enterpriseHasAccount: false },
    ).state;
    expect(signed.status).toBe('CONFIRMED');
    expect(signed.confirmations.enterprise).toMatchObject({ party: 'ENTERPRISE', signerName: '李矿长', userId: 'staff-1', onSite: { location: XINZHOU } });
    expect(signed.reviewFlags).toEqual([
      expect.objectContaining({ rule: 'SVC-13', code: 'ENTERPRISE_SIGNED_ON_INSURER_DEVICE', party: 'ENTERPRISE' }),
    ]);
  });

  it('SVC-13 flags an on-site signature without the device location as LOCATION_MISSING too', () => {
    const signed = captureOnSiteSignature(insurerSigned(), { signerName: '李矿长', signedAt: SIGNED_AT }, { now: NOW, by: 'staff-1', enterpriseHasAccount: false }).state;
    expect(signed.reviewFlags.map((flag) => [flag.code, flag.party])).toEqual([
      ['ENTERPRISE_SIGNED_ON_INSURER_DEVICE', 'ENTERPRISE'],
      ['LOCATION_MISSING', 'ENTERPRISE'],
    ]);
  });

  it('SVC-9 an enterprise signature through its own account carries no on-site mark and no flag', () => {
    const signed = confirmRecord(insurerSigned(), { party: 'ENTERPRISE', signerName: '李矿长', signedAt: SIGNED_AT }, { now: NOW, by: 'ent-1' }).state;
    expect(signed.confirmations.enterprise?.onSite).toBeUndefined();
    expect(signed.reviewFlags).toEqual([]);
  });

  it('SVC-9 refuses a second enterprise signature on site once the enterprise has signed (409 party)', () => {
    const once = captureOnSiteSignature(followedUp(), { signerName: '李矿长', signedAt: SIGNED_AT }, { now: NOW, by: 'staff-1', enterpriseHasAccount: false }).state;
    expectViolation(() => captureOnSiteSignature(once, { signerName: '李矿长', signedAt: SIGNED_AT }, { now: NOW, by: 'staff-1', enterpriseHasAccount: false }), 'SVC-9', 'party', 409);
  });
});

describe('SVC-13 review flags: location and time', () => {
  it('SVC-13 flags an evidence item captured without a location, once per item', () => {
    const { location: _location, ...nowhere } = evidenceAt('2024-09-27T10:00:00+08:00', 'ev-nowhere');
    const { service } = completedWith({}, { evidence: [evidenceAt('2024-09-27T10:00:00+08:00', 'ev-here'), nowhere] });
    expect(service.reviewFlags.map((flag) => [flag.code, flag.evidenceId])).toEqual([['LOCATION_MISSING', 'ev-nowhere']]);
  });

  it('SVC-13 a record whose evidence falls outside the service time span is flagged for each such item', () => {
    const service = { ...completed(), evidence: [evidenceAt('2024-09-27T12:00:00+08:00', 'ev-in'), evidenceAt('2024-09-28T12:00:00+08:00', 'ev-next-day')] };
    expect(reviewFlagsOf(service).map((flag) => [flag.code, flag.evidenceId])).toEqual([['EVIDENCE_OUTSIDE_SERVICE_TIME', 'ev-next-day']]);
  });
});

describe('SVC-7 the rectification is the enterprise’s, the verification the insurer’s', () => {
  const open = (): Hazard => {
    const { hazards } = completedWith({ hazards: [{ description: '主井口消防沙不足', grade: 'MAJOR', rectifyBy: '2024-10-15' }], principalName: '赵矿长' }, { hazardIds: ['h-1'] });
    return issueHazard(hazards[0]!, { archiveId: 'a-h1', archiveKey: 'tenants/t-1/archives/a-h1/hazard-notice.html', sha256: SHA, issuedAt: '2024-09-30T02:00:00.000Z', addressedTo: '赵矿长' }).state;
  };
  const PLAN = { plan: '补足消防沙', dueOn: '2024-10-12', responsiblePerson: '通风科长' };
  const ON_SITE = { reporterName: '通风科长', reportedAt: '2024-10-08T10:00:00+08:00', location: XINZHOU };

  it('SVC-7 refuses the insurer capturing the rectification of an enterprise that has an account (409)', () => {
    expectViolation(
      () => captureRectificationOnSite(open(), { ...PLAN, onSite: ON_SITE }, { now: NOW, by: 'staff-1', closureEvidence: [], enterpriseHasAccount: true }),
      'SVC-7',
      'enterprise.uscc',
      409,
    );
  });

  it('SVC-7 SVC-13 keeps each on-site report with who, when and where; the enterprise’s own reports add none', () => {
    const planned = captureRectificationOnSite(open(), { ...PLAN, onSite: ON_SITE }, { now: NOW, by: 'staff-1', closureEvidence: [], enterpriseHasAccount: false }).state;
    expect(planned.rectification?.onSiteReports).toEqual([{ ...ON_SITE, closed: false, recordedAt: NOW.toISOString(), userId: 'staff-1' }]);
    const closed = captureRectificationOnSite(
      planned,
      { closed: true, onSite: { reporterName: '通风科长', reportedAt: '2024-10-11T10:00:00+08:00' } },
      { now: at('2024-10-11T02:00:00Z'), by: 'staff-2', closureEvidence: [evidenceAt('2024-10-11T10:00:00+08:00')], enterpriseHasAccount: false },
    ).state;
    expect(closed.status).toBe('RECTIFIED');
    expect(closed.rectification?.onSiteReports?.map((report) => [report.closed, report.userId, report.location])).toEqual([
      [false, 'staff-1', XINZHOU],
      [true, 'staff-2', undefined],
    ]);
    const own = reportRectification(open(), PLAN, { now: NOW, by: 'ent-1', closureEvidence: [] }).state;
    expect(own.rectification?.onSiteReports).toBeUndefined();
    expect(verifyHazard(closed, { accepted: true, comments: '复查合格' }, { now: at('2024-10-12T02:00:00Z'), by: 'staff-1' }).state.status).toBe('VERIFIED');
  });
});
