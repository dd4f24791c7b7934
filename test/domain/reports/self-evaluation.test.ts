import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures, type ReportComplaint, type ReportHazard, type ReportPolicy, type ReportRecords, type ReportService } from '../../../domain/reports/figures.js';
import { reportPeriodOf } from '../../../domain/reports/period.js';
import { submitReport } from '../../../domain/reports/report.rules.js';
import type { Report } from '../../../domain/reports/report.js';
import {
  attachThirdParty,
  NARRATIVE_MAX_CHARS,
  satisfactionOf,
  selfEvaluationFormOf,
  selfEvaluationItemsOf,
  writeSelfEvaluation,
  type SelfEvaluation,
} from '../../../domain/reports/self-evaluation.js';
import type { ServiceOrg } from '../../../domain/register/service-org.js';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../../../domain/services/service.js';

const period = reportPeriodOf(2025, 'SELF_EVALUATION');
/** Days and instants at the year's edges: 2025-12-31T16:30Z is already 2026 in Beijing. */
const day = fc.constantFrom('2024-12-31', '2025-01-01', '2025-06-30', '2025-12-31', '2026-01-01');
const instant = fc.constantFrom('2025-01-01T01:00:00Z', '2025-06-30T16:30:00Z', '2025-12-31T15:59:59Z', '2025-12-31T16:30:00Z');

const service: fc.Arbitrary<ReportService> = fc.record(
  {
    type: fc.constantFrom(...SERVICE_TYPES),
    status: fc.constantFrom(...SERVICE_STATUSES),
    record: fc.record({ performedOn: day }),
    followUp: fc.record({ at: instant, late: fc.boolean(), satisfaction: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: ['at', 'late'] }),
  },
  { requiredKeys: ['type', 'status'] },
);
const policy: fc.Arbitrary<ReportPolicy> = fc.record({
  id: fc.constantFrom('P1', 'P2', 'P3'),
  periodStart: day,
  enterprise: fc.record({ uscc: fc.constantFrom('U1', 'U2'), county: fc.constant('140902'), industry: fc.constant('COAL_MINE' as const) }),
  employeesCovered: fc.integer({ min: 1, max: 100 }),
  premiumFen: fc.integer({ min: 0, max: 1_000_000 }),
  premiumExTaxFen: fc.integer({ min: 0, max: 1_000_000 }),
});
const hazard: fc.Arbitrary<ReportHazard> = fc.record({
  grade: fc.constantFrom('GENERAL', 'MAJOR'),
  status: fc.constantFrom('OPEN', 'RECTIFIED', 'VERIFIED'),
  foundOn: day,
  rectification: fc.record({ closedAt: instant }),
});
const complaint: fc.Arbitrary<ReportComplaint> = fc.record(
  { receivedOn: day, reply: fc.record({ repliedAt: instant }), deadlines: fc.record({ binding: fc.record({ dueOn: day }) }) },
  { requiredKeys: ['receivedOn', 'deadlines'] },
);
const plans = fc.array(
  fc.record({ policyId: fc.constantFrom('P1', 'P2', 'P3'), items: fc.array(fc.record({ type: fc.constantFrom(...SERVICE_TYPES), count: fc.integer({ min: 0, max: 4 }) }), { maxLength: 4 }) }),
  { maxLength: 3 },
);

const within = (on: string) => on >= period.from && on <= period.to;
const beijingDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

function formOf(records: ReportRecords): SelfEvaluation {
  const figures = computeReportFigures(records, { tenantId: 't1', insurerName: '测试保险', period, ruleSet: XINZHOU_2024, generatedAt: '2026-01-05T02:00:00Z' });
  return selfEvaluationFormOf(XINZHOU_2024, figures, satisfactionOf(records.services, period));
}
const factOf = (form: SelfEvaluation, code: string, label: string) => form.items.find((item) => item.code === code)?.facts.find((fact) => fact.label === label)?.value;

describe('RPT-2 the self-evaluation form', () => {
  it('RPT-2 RULES-1 its items are the rule set’s selfEvaluationItems, in order, with what each measures', () => {
    const form = formOf({ policies: [], plans: [], services: [], hazards: [], ledger: [], complaints: [] });
    expect(form.items.map((item) => [item.code, item.name, item.measures])).toEqual(
      (XINZHOU_2024.selfEvaluationItems ?? []).map((item) => [item.code, item.name, item.measures]),
    );
    expect(form.items.map((item) => item.name)).toEqual(['服务计划执行', '服务效果', '企业满意度', '费用使用', '服务机构能力', '投诉处理', '存在问题及改进措施']);
    // A rule-set version published before RPT-2 reads the Xinzhou 2024 list.
    expect(selfEvaluationItemsOf({})).toEqual(XINZHOU_2024.selfEvaluationItems);
  });

  it('RPT-2 RPT-4 the prefilled figures equal an independent recount of the seeded records (property, random seeds)', () => {
    fc.assert(
      fc.property(
        fc.array(policy, { maxLength: 4 }),
        plans,
        fc.array(service, { maxLength: 12 }),
        fc.array(hazard, { maxLength: 6 }),
        fc.array(complaint, { maxLength: 6 }),
        (policies, planList, services, hazards, complaints) => {
          const form = formOf({ policies, plans: planList, services, hazards, ledger: [], complaints });
          // SVC-1: planned = plan lines of the policies starting in the year; performed = services done in it, not cancelled.
          const inYear = new Set(policies.filter((p) => within(p.periodStart)).map((p) => p.id));
          const planned = planList.filter((plan) => inYear.has(plan.policyId)).reduce((sum, plan) => sum + plan.items.reduce((s, item) => s + item.count, 0), 0);
          const performed = services.filter((s) => s.status !== 'CANCELLED' && s.record && within(s.record.performedOn)).length;
          expect(factOf(form, 'PLAN_EXECUTION', '计划服务（次）')).toBe(planned);
          expect(factOf(form, 'PLAN_EXECUTION', '已完成服务（次）')).toBe(performed);
          expect(factOf(form, 'PLAN_EXECUTION', '计划完成率')).toBe(planned > 0 ? Math.round((performed * 10_000) / planned) : null);
          // SVC-8: the mean score of the year's follow-ups (Beijing day), in hundredths.
          const scores = services.filter((s) => s.status !== 'CANCELLED' && s.followUp?.satisfaction !== undefined && within(beijingDay(s.followUp.at))).map((s) => s.followUp?.satisfaction as number);
          expect(factOf(form, 'SATISFACTION', '有评分的回访（次）')).toBe(scores.length);
          expect(factOf(form, 'SATISFACTION', '平均满意度（5分制）')).toBe(scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) * 100) / scores.length) : null);
          const found = hazards.filter((h) => within(h.foundOn));
          expect(factOf(form, 'EFFECT', '发现隐患（项）')).toBe(found.length);
          expect(factOf(form, 'EFFECT', '重大事故隐患（项）')).toBe(found.filter((h) => h.grade === 'MAJOR').length);
          const received = complaints.filter((c) => within(c.receivedOn));
          const onTime = received.filter((c) => c.reply && beijingDay(c.reply.repliedAt) <= c.deadlines.binding.dueOn).length;
          expect(factOf(form, 'COMPLAINTS', '收到投诉（件）')).toBe(received.length);
          expect(factOf(form, 'COMPLAINTS', '按时答复（件）')).toBe(onTime);
          // FEE-4: the floor comes from the rule set.
          expect(factOf(form, 'FEE_USE', '最低支出比例')).toBe(XINZHOU_2024.preventionFeeFloorBasisPoints);
          expect(form.items.find((item) => item.code === 'IMPROVEMENTS')?.facts).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('RPT-2 a narrative over the bound is refused naming the field; an item not on the form too', () => {
    const form = formOf({ policies: [], plans: [], services: [], hazards: [], ledger: [], complaints: [] });
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const long = refusal(() => writeSelfEvaluation(form, [{ code: 'EFFECT', narrative: '好', evidence: [] }, { code: 'SATISFACTION', narrative: '满'.repeat(NARRATIVE_MAX_CHARS + 1), evidence: [] }]));
    expect(long).toBeInstanceOf(RuleViolation);
    expect(long).toMatchObject({ ruleId: 'RPT-2', field: 'items.1.narrative', status: 400 });
    expect(refusal(() => writeSelfEvaluation(form, [{ code: 'EFFECT', narrative: '满'.repeat(NARRATIVE_MAX_CHARS), evidence: [] }]))).toBeUndefined();
    expect(refusal(() => writeSelfEvaluation(form, [{ code: 'NOT_AN_ITEM', narrative: '', evidence: [] }]))).toMatchObject({ ruleId: 'RPT-2', field: 'items.0.code' });
  });

  it('RPT-2 REG-2 a third-party evaluation needs a registered organisation usable today; submitting needs every narrative or the file', () => {
    const form = formOf({ policies: [], plans: [], services: [], hazards: [], ledger: [], complaints: [] });
    const upload = { fileName: '评估报告.pdf', file: { key: 'tenants/t1/uploads/u1/x.pdf', sha256: 'a'.repeat(64), size: 10, contentType: 'application/pdf' } };
    const org = { id: 'org1', name: '忻州评估公司', status: 'ACTIVE', validFrom: '2024-01-01', validTo: '2026-12-31' } as ServiceOrg;
    expect(() => attachThirdParty(form, undefined, upload, '2026-01-10')).toThrow(expect.objectContaining({ ruleId: 'REG-2', field: 'organisationId' }));
    expect(() => attachThirdParty(form, { ...org, status: 'SUSPENDED' }, upload, '2026-01-10')).toThrow(expect.objectContaining({ ruleId: 'REG-2' }));
    expect(() => attachThirdParty(form, org, upload, '2027-01-10')).toThrow(expect.objectContaining({ ruleId: 'REG-2' }));
    const third = attachThirdParty(form, org, upload, '2026-01-10');
    const report = (evaluation: SelfEvaluation): Report => ({
      id: 'r1',
      tenantId: 't1',
      insurerName: '测试保险',
      period,
      status: 'DRAFT',
      draft: {
        figures: computeReportFigures({ policies: [], plans: [], services: [], hazards: [], ledger: [], complaints: [] }, { tenantId: 't1', insurerName: '测试保险', period, ruleSet: XINZHOU_2024, generatedAt: '2026-01-05T02:00:00Z' }),
        files: { xlsx: upload.file, pdf: upload.file },
        generatedBy: 'u1',
        evaluation,
      },
      submittedVersions: 0,
      createdAt: '2026-01-05T02:00:00Z',
      updatedAt: '2026-01-05T02:00:00Z',
      version: 1,
    });
    const now = new Date('2026-02-01T01:00:00Z');
    expect(() => submitReport(report(form), { now, by: 'u1' })).toThrow(expect.objectContaining({ ruleId: 'RPT-2', field: 'items.0.narrative' }));
    const { version } = submitReport(report(third), { now, by: 'u1' });
    expect(version).toMatchObject({ late: true, evaluation: { mode: 'THIRD_PARTY', thirdParty: { organisation: { id: 'org1' } } } });
    // RPT-2: the due day is January 31 of the next year (Asia/Shanghai).
    expect(submitReport(report(third), { now: new Date('2026-01-31T15:59:00Z'), by: 'u1' }).version.late).toBe(false);
  });
});
