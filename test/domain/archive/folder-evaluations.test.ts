import { describe, expect, it } from 'vitest';
import { evaluationDocYearOf, evaluationDocuments, type FolderEvaluationMaterial } from '../../../domain/archive/folder-evaluations.js';
import { folderOf } from '../../../domain/archive/folder.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import type { ReportVersion } from '../../../domain/reports/report.js';
import type { Policy } from '../../../domain/underwriting/policy.js';

const file = (name: string) => ({ key: `tenants/t1/${name}`, sha256: name.padEnd(64, '0').slice(0, 64), size: 10, contentType: 'application/pdf' });
const evaluation = (id: string, revision: number, status: Evaluation['status'] = 'PUBLISHED'): Evaluation =>
  ({
    id,
    tenantId: 't1',
    insurerName: '人保',
    period: { year: 2026, term: 'H1', from: '2026-01-01', to: '2026-06-30' },
    revision,
    status,
    ...(status === 'PUBLISHED' ? { published: { at: `2026-07-0${revision}T00:00:00Z`, files: { xlsx: file(`${id}x`), pdf: file(`${id}p`) } } } : {}),
  }) as unknown as Evaluation;
const version = (n: number, thirdParty = false): ReportVersion =>
  ({
    reportId: 'rep01',
    tenantId: 't1',
    period: { year: 2026, kind: 'SELF_EVALUATION', from: '2026-01-01', to: '2026-12-31', dueOn: '2027-01-31' },
    version: n,
    files: { xlsx: file(`se${n}x`), pdf: file(`se${n}p`) },
    submittedAt: `2027-01-1${n}T00:00:00Z`,
    ...(thirdParty ? { evaluation: { mode: 'THIRD_PARTY', items: [], thirdParty: { organisation: { id: 'o', name: '评估机构' }, fileName: 'x.pdf', file: file(`tp${n}`) } } } : {}),
  }) as unknown as ReportVersion;
const material: FolderEvaluationMaterial = {
  tenantId: 't1',
  year: 2026,
  evaluations: [evaluation('ev1', 1), evaluation('ev2', 2), evaluation('ev3', 3, 'DRAFT')],
  selfEvaluations: [version(1), version(2, true)],
};

describe('SVC-10 RPT-2 RPT-3 the insurer’s evaluation files in an enterprise’s folder', () => {
  it('SVC-10 RPT-3 RPT-2 lists each published evaluation’s and submitted self-evaluation’s files, the earlier ones superseded, never a draft', () => {
    const documents = evaluationDocuments({ policyId: 'p1' }, material);
    expect(documents.every((document) => document.kind === 'EVALUATION' && document.policyId === 'p1')).toBe(true);
    const byId = new Map(documents.map((document) => [document.docId, document]));
    expect([...byId.keys()].sort()).toEqual(
      ['EV-2026-ev1-pdf', 'EV-2026-ev1-xlsx', 'EV-2026-ev2-pdf', 'EV-2026-ev2-xlsx', 'SE-2026-rep01-v1-pdf', 'SE-2026-rep01-v1-xlsx', 'SE-2026-rep01-v2-pdf', 'SE-2026-rep01-v2-tp', 'SE-2026-rep01-v2-xlsx'].sort(),
    );
    expect(byId.get('EV-2026-ev1-pdf')).toMatchObject({ superseded: true, subject: { kind: 'EVALUATION', id: 'ev1' }, fileName: '2026年上半年安责险考核评估结果（第1版）.pdf', sha256: file('ev1p').sha256 });
    expect(byId.get('EV-2026-ev2-pdf')?.superseded).toBeUndefined();
    expect(byId.get('SE-2026-rep01-v1-xlsx')).toMatchObject({ superseded: true, subject: { kind: 'REPORT', id: 'rep01' }, fileName: '2026年度事故预防服务质量评估报告（第1版）.xlsx' });
    expect(byId.get('SE-2026-rep01-v2-tp')).toMatchObject({ fileName: '2026年度第三方评估报告（第2版）.pdf', key: file('tp2').key });
    for (const docId of byId.keys()) expect(docId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('SVC-10 an EVALUATION docId names its year (one year is read to find it); other documents name none', () => {
    expect(evaluationDocYearOf('EV-2026-01jabc-pdf')).toBe(2026);
    expect(evaluationDocYearOf('SE-2025-01jabc-v2-tp')).toBe(2025);
    expect(evaluationDocYearOf('POL-01jabc-v1')).toBeUndefined();
    expect(evaluationDocYearOf('01jabcdefgh')).toBeUndefined();
  });

  it('SVC-10 folderOf files the insurer’s year under the enterprise’s policy with that insurer and year only', () => {
    const policy = (id: string, tenantId: string, periodStart: string) =>
      ({ id, tenantId, policyNumber: id, periodStart, periodEnd: periodStart, enterprise: { uscc: 'U', name: '企业' } }) as unknown as Policy;
    const policies = [policy('p1', 't1', '2026-03-01'), policy('p2', 't2', '2026-03-01'), policy('p0', 't1', '2025-03-01')];
    const folder = folderOf('U', 2026, policies, { services: [], hazards: [], plans: [], records: [], evaluations: [material, { ...material, tenantId: 't9' }] });
    const evaluations = folder.documents.filter((document) => document.kind === 'EVALUATION');
    expect(evaluations).toHaveLength(9);
    expect(new Set(evaluations.map((document) => document.policyId))).toEqual(new Set(['p1']));
  });
});
