import { describe, expect, it } from 'vitest';
import { Forbidden, RuleViolation } from '../../../domain/kernel/errors.js';
import { accessLogExpiresAt } from '../../../domain/supervision/access-log.js';
import type { NoticeIssuer } from '../../../domain/supervision/notice.js';
import { answerNotice, closeNotice, issueNotice, noticeInScope, noticeOverdue } from '../../../domain/supervision/notice.rules.js';

const now = new Date('2026-03-02T02:00:00.000Z');
const today = '2026-03-02';
const city: NoticeIssuer = { userId: 'u-city', username: 'emb-city', agency: 'EMB_CITY' };
const xinfu: NoticeIssuer = { userId: 'u-xinfu', username: 'emb-xinfu', agency: 'EMB_COUNTY', county: '140902' };
const insurerUser = { userId: 'u-picc', username: 'picc-admin' };

const issued = (issuer: NoticeIssuer = city, county: string | undefined = '140902') =>
  issueNotice({
    id: 'n1',
    tenantId: 't1',
    insurerName: '人保财险忻州分公司',
    subject: { kind: 'SERVICE', id: 's1', label: '忻达煤业 · 2026-01-05', ...(county === undefined ? {} : { county }) },
    text: '  请于期限内完成隐患整改复查  ',
    dueOn: '2026-03-16',
    issuer,
    now,
    today,
  });

describe('督办 notices: ISSUED → ANSWERED → CLOSED (SUP-1..SUP-5)', () => {
  it('SUP-1 issues a notice with its event carrying tenant, insurer name, subject, due day, agency and county', () => {
    const { state, events } = issued();
    expect(state).toMatchObject({ status: 'ISSUED', version: 1, text: '请于期限内完成隐患整改复查', issuedOn: today });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'supervision.notice.issued',
      tenantId: 't1',
      sequence: 1,
      data: { noticeId: 'n1', tenantId: 't1', insurerName: '人保财险忻州分公司', dueOn: '2026-03-16', agency: 'EMB_CITY', county: '140902', status: 'ISSUED' },
    });
  });

  it('SUP-1 refuses a due day in the past and an empty text (400, naming the field)', () => {
    const past = () => issueNotice({ ...issuedInput(), dueOn: '2026-03-01' });
    expect(past).toThrow(RuleViolation);
    try {
      past();
    } catch (error) {
      expect(error).toMatchObject({ ruleId: 'SUP-1', field: 'dueOn', status: 400 });
    }
    expect(() => issueNotice({ ...issuedInput(), text: '   ' })).toThrow(/text must not be empty/);
  });

  it('SUP-2 (ACL-4) a county EMB issues about its own county only, and never about an insurer-wide fee year', () => {
    expect(issued(xinfu, '140902').state.issuedBy.county).toBe('140902');
    expect(() => issued(xinfu, '140981')).toThrow(Forbidden);
    const feeYear = { kind: 'FEE_YEAR' as const, id: '2026', label: '2026年度预防费用' };
    expect(() => issueNotice({ ...issuedInput(), issuer: xinfu, subject: feeYear })).toThrow(Forbidden);
    expect(issueNotice({ ...issuedInput(), subject: feeYear }).state.subject.county).toBeUndefined();
    expect(noticeInScope({ agency: 'NFRA' }, undefined)).toBe(true);
    expect(noticeInScope({ agency: 'EMB_COUNTY', county: '140902' }, '140981')).toBe(false);
  });

  it('SUP-3 the insurer answers an issued notice once; a second answer is refused (409 SUP-3)', () => {
    const answered = answerNotice(issued().state, { text: '已整改完毕', by: insurerUser, now });
    expect(answered.state).toMatchObject({ status: 'ANSWERED', version: 2, answer: { text: '已整改完毕', answeredBy: insurerUser } });
    expect(answered.events[0]).toMatchObject({ type: 'supervision.notice.answered', sequence: 2, data: { status: 'ANSWERED' } });
    expect(() => answerNotice(answered.state, { text: '再次答复', by: insurerUser, now })).toThrow(
      expect.objectContaining({ ruleId: 'SUP-3', status: 409 }),
    );
  });

  it('SUP-4 only the issuing agency closes, and only once answered; then no further answer (SUP-3)', () => {
    const notice = issued(xinfu).state;
    const remark = { remark: '整改到位，同意销号', by: { userId: 'u', username: 'x' }, now };
    expect(() => closeNotice(notice, { ...remark, regulator: xinfu })).toThrow(expect.objectContaining({ ruleId: 'SUP-4', status: 409 }));
    const answered = answerNotice(notice, { text: '已整改', by: insurerUser, now }).state;
    expect(() => closeNotice(answered, { ...remark, regulator: { agency: 'EMB_CITY' } })).toThrow(Forbidden);
    expect(() => closeNotice(answered, { ...remark, regulator: { agency: 'EMB_COUNTY', county: '140981' } })).toThrow(Forbidden);
    const closed = closeNotice(answered, { ...remark, regulator: xinfu });
    expect(closed.state).toMatchObject({ status: 'CLOSED', version: 3, closing: { remark: '整改到位，同意销号' } });
    expect(closed.events[0]).toMatchObject({ type: 'supervision.notice.closed', sequence: 3, data: { status: 'CLOSED', agency: 'EMB_COUNTY' } });
    expect(() => answerNotice(closed.state, { text: '补充', by: insurerUser, now })).toThrow(expect.objectContaining({ ruleId: 'SUP-3' }));
    expect(() => closeNotice(closed.state, { ...remark, regulator: xinfu })).toThrow(expect.objectContaining({ ruleId: 'SUP-4' }));
  });

  it('SUP-1 an issued notice is overdue after its due day, an answered one never', () => {
    const notice = issued().state;
    expect(noticeOverdue(notice, '2026-03-16')).toBe(false);
    expect(noticeOverdue(notice, '2026-03-17')).toBe(true);
    expect(noticeOverdue(answerNotice(notice, { text: '已办', by: insurerUser, now }).state, '2026-04-01')).toBe(false);
  });
});

describe('access log retention (issue 14: kept 5 years)', () => {
  it('an entry expires five calendar years after it was made', () => {
    expect(new Date(accessLogExpiresAt(new Date('2026-03-02T02:00:00.000Z')) * 1000).toISOString()).toBe('2031-03-02T02:00:00.000Z');
  });
});

function issuedInput() {
  return {
    id: 'n1',
    tenantId: 't1',
    insurerName: '人保财险忻州分公司',
    subject: { kind: 'SERVICE' as const, id: 's1', label: '忻达煤业', county: '140902' },
    text: '请整改',
    dueOn: '2026-03-16',
    issuer: city,
    now,
    today,
  };
}
