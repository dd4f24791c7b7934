import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../functions/adapters/clock.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures } from '../../../domain/reports/figures.js';
import { assertPeriodStarted, isLateSubmission, periodKeyOf, reportPeriodOf } from '../../../domain/reports/period.js';
import type { Report, ReportDraft } from '../../../domain/reports/report.js';
import { generateReport, submitReport } from '../../../domain/reports/report.rules.js';
import type { ReportKind } from '../../../domain/reports/report-figures.js';

const NO_RECORDS = { policies: [], plans: [], services: [], hazards: [], ledger: [], complaints: [] };
const file = (name: string) => ({ key: `tenants/t1/reports/r1/draft-d1/${name}`, sha256: 'a'.repeat(64), size: 10, contentType: 'application/pdf' });

function draftOf(kind: ReportKind, generatedAt: string): ReportDraft {
  const figures = computeReportFigures(NO_RECORDS, { tenantId: 't1', insurerName: '测试保险忻州分公司', period: reportPeriodOf(2026, kind), ruleSet: XINZHOU_2024, generatedAt });
  return { figures, files: { xlsx: file('r.xlsx'), pdf: file('r.pdf') }, generatedBy: 'u1' };
}

function generated(kind: ReportKind, generatedAt = kind === 'HALF_YEAR' ? '2026-07-02T02:00:00.000Z' : '2027-01-05T02:00:00.000Z'): Report {
  return generateReport(undefined, { id: 'r1', draft: draftOf(kind, generatedAt), now: new Date(generatedAt) }).state;
}

/** Submits with the platform's clock stopped at `iso`. */
const submitAt = (report: Report, iso: string) => submitReport(report, { now: fixedClock(iso).now(), by: 'u1' });

describe('RPT-1 report periods', () => {
  it('RPT-1 H1 is January 1–June 30 due July 31; YEAR is the calendar year due January 31 of the next', () => {
    expect(reportPeriodOf(2026, 'HALF_YEAR')).toEqual({ year: 2026, kind: 'HALF_YEAR', from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-31' });
    expect(reportPeriodOf(2026, 'YEAR')).toEqual({ year: 2026, kind: 'YEAR', from: '2026-01-01', to: '2026-12-31', dueOn: '2027-01-31' });
    expect([periodKeyOf({ year: 2026, kind: 'HALF_YEAR' }), periodKeyOf({ year: 2026, kind: 'YEAR' })]).toEqual(['2026-H1', '2026-Y']);
  });

  it('RPT-1 a year out of range is a 400 naming the rule; a period not yet started is refused', () => {
    expect(() => reportPeriodOf(1999, 'YEAR')).toThrow(expect.objectContaining({ ruleId: 'RPT-1', status: 400 }));
    expect(() => assertPeriodStarted(reportPeriodOf(2027, 'YEAR'), '2026-12-31')).toThrow(RuleViolation);
    expect(() => assertPeriodStarted(reportPeriodOf(2027, 'YEAR'), '2027-01-01')).not.toThrow();
  });
});

describe('RPT-1 late marking on the platform clock (Asia/Shanghai)', () => {
  it.each([
    ['HALF_YEAR', '2026-07-31T15:59:59.000Z', false, 'July 31 23:59:59 in Beijing'],
    ['HALF_YEAR', '2026-07-31T16:00:00.000Z', true, 'August 1 00:00 in Beijing (still July 31 in UTC)'],
    ['HALF_YEAR', '2026-07-02T03:00:00.000Z', false, 'early'],
    ['YEAR', '2027-01-31T15:59:59.000Z', false, 'January 31 23:59:59 in Beijing'],
    ['YEAR', '2027-01-31T16:00:00.000Z', true, 'February 1 00:00 in Beijing'],
    ['YEAR', '2027-03-01T00:00:00.000Z', true, 'a month late'],
  ] as const)('RPT-1 %s submitted at %s is late=%s (%s)', (kind, at, late, _when) => {
    const { version, change } = submitAt(generated(kind), at);
    expect(version.late).toBe(late);
    expect(change.state.lastSubmission).toEqual({ version: 1, submittedAt: at, late });
    expect(change.events[0]).toMatchObject({ type: 'reports.report.submitted', data: { version: 1, late } });
  });

  it('RPT-1 the due day itself is on time, the day after is late', () => {
    expect(isLateSubmission({ dueOn: '2026-07-31' }, '2026-07-31')).toBe(false);
    expect(isLateSubmission({ dueOn: '2026-07-31' }, '2026-08-01')).toBe(true);
  });
});

describe('RPT-1 a submitted version never changes; a correction is the next version', () => {
  it('RPT-1 submitting again without a new draft is refused (409): the submitted version stays as it was', () => {
    const first = submitAt(generated('HALF_YEAR'), '2026-07-20T02:00:00.000Z');
    expect(first.change.state.draft).toBeUndefined();
    expect(() => submitAt(first.change.state, '2026-07-21T02:00:00.000Z')).toThrow(expect.objectContaining({ ruleId: 'RPT-1', status: 409 }));
  });

  it('RPT-1 generating again after a submission makes a draft that is submitted as version 2, version 1 untouched', () => {
    const first = submitAt(generated('HALF_YEAR'), '2026-07-20T02:00:00.000Z');
    const again = generateReport(first.change.state, { id: 'ignored', draft: draftOf('HALF_YEAR', '2026-08-03T02:00:00.000Z'), now: new Date('2026-08-03T02:00:00.000Z') });
    expect(again.state).toMatchObject({ id: 'r1', status: 'DRAFT', submittedVersions: 1 });
    const second = submitAt(again.state, '2026-08-04T02:00:00.000Z');
    expect(second.version).toMatchObject({ version: 2, late: true });
    expect(first.version).toMatchObject({ version: 1, late: false, submittedAt: '2026-07-20T02:00:00.000Z' });
  });

  it('RPT-1 a draft generated before the period was over cannot be submitted: generate again after it', () => {
    const early = generated('HALF_YEAR', '2026-06-30T10:00:00.000Z');
    expect(() => submitAt(early, '2026-07-02T02:00:00.000Z')).toThrow(expect.objectContaining({ ruleId: 'RPT-1', status: 409 }));
  });
});
