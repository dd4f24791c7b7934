import { describe, expect, it } from 'vitest';
import { hazardDueOn, type Hazard } from '../../../domain/services/hazard.js';
import {
  hazardNoticeAddressee,
  hazardNoticeDocument,
  reportRectification,
  verifyHazard,
} from '../../../domain/services/hazard.rules.js';
import { issueHazard } from '../../../domain/services/service-record.rules.js';
import type { HazardDraft } from '../../../domain/services/service-record.rules.js';
import type { EvidenceItem } from '../../../domain/services/service.js';
import { SHA, at, completedWith, evidenceAt, expectViolation, frozen } from './fixtures.js';

const NOW = at('2024-10-08T02:00:00Z');
const CLOSURE: readonly EvidenceItem[] = [evidenceAt('2024-10-12T10:00:00+08:00', 'ev-closure')];
const PLAN = { plan: '修复密闭墙并加强观测', dueOn: '2024-10-20', responsiblePerson: '赵副矿长' };

function draft(grade: 'GENERAL' | 'MAJOR' = 'GENERAL', principalName: string | undefined = '赵矿长'): HazardDraft {
  const { hazards } = completedWith(
    {
      hazards: [{ description: '采空区密闭墙<漏风> & "渗水"', grade, rectifyBy: '2024-10-15' }],
      ...(principalName === undefined ? {} : { principalName }),
    },
    { hazardIds: ['h-1'] },
  );
  return hazards[0]!;
}

const open = (): Hazard =>
  issueHazard(draft(), {
    archiveId: 'a-h1',
    archiveKey: 'tenants/t-1/archives/a-h1/hazard-notice.html',
    sha256: SHA,
    issuedAt: '2024-09-30T02:00:00.000Z',
    addressedTo: '忻州示范煤业有限公司',
  }).state;
const rectifying = (): Hazard => reportRectification(open(), PLAN, { now: NOW, by: 'ent-1', closureEvidence: [] }).state;
const rectified = (): Hazard =>
  reportRectification(rectifying(), { closed: true, closureNote: '已修复' }, { now: at('2024-10-12T02:00:00Z'), by: 'ent-1', closureEvidence: CLOSURE }).state;
const verified = (): Hazard => verifyHazard(rectified(), { accepted: true, comments: '复查合格' }, { now: at('2024-10-14T02:00:00Z'), by: 'staff-1' }).state;

describe('reportRectification', () => {
  it('SVC-7 the first report records plan, due date and responsible person: OPEN → RECTIFYING', () => {
    const hazard = reportRectification(frozen(open()), PLAN, { now: NOW, by: 'ent-1', closureEvidence: [] }).state;
    expect(hazard.status).toBe('RECTIFYING');
    expect(hazard.version).toBe(2);
    expect(hazard.updatedAt).toBe('2024-10-08T02:00:00.000Z');
    expect(hazard.rectification).toEqual({ ...PLAN, reportedAt: '2024-10-08T02:00:00.000Z', reportedBy: 'ent-1', closureEvidence: [] });
    expect(hazardDueOn(hazard)).toBe('2024-10-20');
  });

  it.each([
    { input: { dueOn: '2024-10-20', responsiblePerson: '赵' }, field: 'plan' },
    { input: { plan: '修复', responsiblePerson: '赵' }, field: 'dueOn' },
    { input: { plan: '修复', dueOn: '2024-10-20' }, field: 'responsiblePerson' },
    { input: { plan: ' ', dueOn: '2024-10-20', responsiblePerson: '赵' }, field: 'plan' },
  ])('SVC-7 the first report without $field is refused (400)', ({ input, field }) => {
    expectViolation(() => reportRectification(open(), input, { now: NOW, by: 'ent-1', closureEvidence: [] }), 'SVC-7', field, 400);
  });

  it('SVC-7 a due date before the day found is refused (400)', () => {
    expectViolation(() => reportRectification(open(), { ...PLAN, dueOn: '2024-09-26' }, { now: NOW, by: 'e', closureEvidence: [] }), 'SVC-7', 'dueOn', 400);
  });

  it('CAL-1 an unreadable due date is refused (400)', () => {
    expectViolation(() => reportRectification(open(), { ...PLAN, dueOn: '2024-02-30' }, { now: NOW, by: 'e', closureEvidence: [] }), 'CAL-1', 'dueOn', 400);
  });

  it('SVC-7 later reports may revise the due date alone, keeping the rest', () => {
    const revised = reportRectification(rectifying(), { dueOn: '2024-10-25' }, { now: at('2024-10-09T02:00:00Z'), by: 'ent-2', closureEvidence: [] }).state;
    expect(revised.status).toBe('RECTIFYING');
    expect(revised.rectification).toMatchObject({ ...PLAN, dueOn: '2024-10-25', reportedBy: 'ent-2' });
  });

  it('SVC-7 reporting closed with evidence → RECTIFIED', () => {
    const hazard = rectified();
    expect(hazard.status).toBe('RECTIFIED');
    expect(hazard.rectification).toMatchObject({ closedAt: '2024-10-12T02:00:00.000Z', closureNote: '已修复', closureEvidence: CLOSURE });
  });

  it('SVC-7 reporting closed straight from OPEN with plan and evidence is allowed', () => {
    expect(reportRectification(open(), { ...PLAN, closed: true }, { now: NOW, by: 'e', closureEvidence: CLOSURE }).state.status).toBe('RECTIFIED');
  });

  it('SVC-7 reporting closed without closure evidence is refused (400)', () => {
    expectViolation(() => reportRectification(rectifying(), { closed: true }, { now: NOW, by: 'e', closureEvidence: [] }), 'SVC-7', 'closureEvidence', 400);
  });

  it.each([
    ['RECTIFIED', rectified],
    ['VERIFIED', verified],
  ] as const)('SVC-7 a %s hazard takes no more reports (409)', (_status, make) => {
    expectViolation(() => reportRectification(make(), PLAN, { now: NOW, by: 'e', closureEvidence: CLOSURE }), 'SVC-7', 'status', 409);
  });
});

describe('verifyHazard', () => {
  it('SVC-7 an accepted verification → VERIFIED, nothing due any more', () => {
    const hazard = verified();
    expect(hazard.status).toBe('VERIFIED');
    expect(hazard.verifications).toEqual([{ accepted: true, comments: '复查合格', at: '2024-10-14T02:00:00.000Z', by: 'staff-1' }]);
    expect(hazardDueOn(hazard)).toBeUndefined();
  });

  it('SVC-7 a rejected verification sends it back to RECTIFYING, undoes the closure and keeps the evidence and the record', () => {
    const rejected = verifyHazard(rectified(), { accepted: false, comments: '密闭墙仍有裂缝' }, { now: at('2024-10-14T02:00:00Z'), by: 'staff-1' }).state;
    expect(rejected.status).toBe('RECTIFYING');
    expect(rejected.rectification?.closedAt).toBeUndefined();
    expect(rejected.rectification?.closureEvidence).toEqual(CLOSURE);
    expect(rejected.verifications).toHaveLength(1);
    const again = reportRectification(rejected, { closed: true }, { now: at('2024-10-16T02:00:00Z'), by: 'e', closureEvidence: [evidenceAt('2024-10-16T10:00:00+08:00', 'ev-2')] }).state;
    expect(again.rectification?.closureEvidence.map((item) => item.id)).toEqual(['ev-closure', 'ev-2']);
    const accepted = verifyHazard(again, { accepted: true, comments: '' }, { now: at('2024-10-17T02:00:00Z'), by: 's' }).state;
    expect(accepted.verifications.map((verification) => verification.accepted)).toEqual([false, true]);
    expect(accepted.version).toBe(rectified().version + 3);
  });

  it('SVC-7 a rejection says what is still wrong (400)', () => {
    expectViolation(() => verifyHazard(rectified(), { accepted: false, comments: '' }, { now: NOW, by: 's' }), 'SVC-7', 'comments', 400);
  });

  it.each([
    ['OPEN', open],
    ['RECTIFYING', rectifying],
    ['VERIFIED', verified],
  ] as const)('SVC-7 a %s hazard cannot be verified (409)', (_status, make) => {
    expectViolation(() => verifyHazard(make(), { accepted: true, comments: '' }, { now: NOW, by: 's' }), 'SVC-7', 'status', 409);
  });
});

describe('hazardDueOn', () => {
  it("SVC-7 is the inspector's deadline until the enterprise reports its own date", () => {
    expect(hazardDueOn(open())).toBe('2024-10-15');
    expect(hazardDueOn(rectifying())).toBe('2024-10-20');
    expect(hazardDueOn(rectified())).toBe('2024-10-20');
  });
});

describe('the written hazard notice (隐患整改通知书)', () => {
  const facts = { insurerName: '某财险忻州中心支公司', serviceType: 'HAZARD_INSPECTION' as const, performedOn: '2024-09-27' };

  it('SVC-7 a GENERAL hazard is addressed to the enterprise', () => {
    const document = hazardNoticeDocument(draft('GENERAL'), facts);
    expect(document.fileName).toBe('hazard-notice.html');
    expect(document.contentType).toBe('text/html; charset=utf-8');
    expect(document.body).toContain('<h1>隐患整改通知书</h1>');
    expect(document.body).toContain('<p>忻州示范煤业有限公司：</p>');
    expect(document.body).toContain('一般隐患');
    expect(document.body).toContain('2024-10-15');
    expect(document.body).not.toContain('重大隐患');
    expect(hazardNoticeAddressee(draft('GENERAL'))).toBe('忻州示范煤业有限公司');
  });

  it('SVC-7 a MAJOR hazard is addressed to the principal responsible person (主要负责人) by name', () => {
    const document = hazardNoticeDocument(draft('MAJOR', '赵矿长'), facts);
    expect(document.body).toContain('主要负责人 赵矿长');
    expect(document.body).toContain('重大隐患');
    expect(hazardNoticeAddressee(draft('MAJOR', '赵矿长'))).toBe('赵矿长');
  });

  it('SVC-7 a MAJOR draft without a principal cannot be noticed (400)', () => {
    const { principalName: _principalName, ...nameless } = draft('MAJOR', '赵矿长');
    expectViolation(() => hazardNoticeDocument(nameless, facts), 'SVC-7', 'principalName', 400);
  });

  it('escapes what people typed and is the same bytes for the same draft', () => {
    const document = hazardNoticeDocument(draft(), facts);
    expect(document.body).toContain('采空区密闭墙&lt;漏风&gt; &amp; &quot;渗水&quot;');
    expect(document.body).not.toContain('<漏风>');
    expect(hazardNoticeDocument(draft(), facts).body).toBe(document.body);
  });
});
