import { describe, expect, it } from 'vitest';
import { putQualificationBody } from '../../../../domain/underwriting/qualification.schema';
import type { QualificationFiling } from '../../api';
import { ANNEX_1_ITEMS } from '../../reference/underwriting';
import { attachedAnnex1Items, formValuesOf, qualificationBodyOf } from './qualification-form';

const doc = (name: string) => ({ archiveId: `arc-${name.length}`, sha256: 'a'.repeat(64), name });

/** A complete filing as the API answers it (see test/support/underwriting-fixtures.ts). */
const filing: QualificationFiling = {
  tenantId: 't-1',
  year: 2026,
  branch: { name: '测试财产保险股份有限公司忻州市分公司', cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
  businessLicence: { number: '91140900MA0GRXXX1', expiresOn: null },
  insurancePermit: { number: '000123', expiresOn: '2027-12-31' },
  majorViolations: [{ decidedOn: '2024-03-01', authority: '忻州监管分局', description: '虚列费用' }],
  solvency: { comprehensiveRatioBasisPoints: 23_560, riskRating: 'A' },
  prevention: {
    systemDocument: doc('事故预防服务制度.pdf'),
    planTemplate: doc('事故预防服务方案模板.docx'),
    riskControlTeam: [{ name: '张工', role: '负责人' }, { name: '李工' }],
    evidence: [doc('风控团队任命文件.pdf')],
  },
  filedProduct: {
    filingNumber: 'C00000232512024050901181',
    name: '安全生产责任保险（2024版）',
    baseRatesPpm: { COAL_MINE: 3500, NON_COAL_MINE: 3000, HAZCHEM: 1125 },
    factorBounds: {
      accidentRecord: { minBasisPoints: 8_000, maxBasisPoints: 15_000 },
      standardisation: {
        GRADE_1: { minBasisPoints: 8_000, maxBasisPoints: 9_000 },
        GRADE_2: { minBasisPoints: 9_000, maxBasisPoints: 10_000 },
        GRADE_3: { minBasisPoints: 10_000, maxBasisPoints: 10_500 },
        NONE: { minBasisPoints: 10_500, maxBasisPoints: 12_000 },
      },
      penalties: { minBasisPoints: 10_000, maxBasisPoints: 13_000 },
      riskLevel: { minBasisPoints: 9_000, maxBasisPoints: 12_525 },
    },
  },
  annex1: Object.fromEntries(ANNEX_1_ITEMS.map((item) => [item.code, [doc(`${item.code}.pdf`)]])),
  commitmentLetter: { signedBy: '王总', signedOn: '2026-06-01' },
  filedOn: '2026-06-01',
  filedOnSource: 'RECORDED',
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
  updatedBy: 'u-1',
  version: 1,
};

describe('the qualification form', () => {
  it('sends back exactly the filing it was loaded with (QUAL-1..6), a body the API accepts', () => {
    const body = qualificationBodyOf(formValuesOf(filing));
    const { tenantId, year, filedOn, filedOnSource, createdAt, updatedAt, updatedBy, version, ...content } = filing;
    void [tenantId, year, filedOn, filedOnSource, createdAt, updatedAt, updatedBy, version];
    expect(body).toEqual(content);
    expect(putQualificationBody.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true);
  });

  it('QUAL-6 never sends a filing day: the platform stamps it, the city EMB records a paper one', () => {
    expect('filedOn' in qualificationBodyOf(formValuesOf(filing))).toBe(false);
    expect(putQualificationBody.safeParse({ ...qualificationBodyOf(formValuesOf(filing)), filedOn: '2026-06-01' }).success).toBe(false);
  });

  it('leaves empty sections out of a draft, and an empty form is a valid draft', () => {
    const body = qualificationBodyOf(formValuesOf(undefined));
    expect(body).toEqual({ majorViolations: [], annex1: {} });
    expect(putQualificationBody.safeParse(body).success).toBe(true);
  });

  it('sends a partly filled section as it is, so the server names the missing field', () => {
    const body = qualificationBodyOf({ solvency: { comprehensiveRatioBasisPoints: '150' } });
    const parsed = putQualificationBody.safeParse(JSON.parse(JSON.stringify(body)));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['solvency.riskRating']);
  });

  it('treats an expiry left empty as 长期, and marks the Annex 1 items with a document', () => {
    expect(qualificationBodyOf({ businessLicence: { number: 'X1', expiresOn: '' } }).businessLicence).toEqual({ number: 'X1', expiresOn: null });
    expect([...attachedAnnex1Items({ FILED_PRODUCT: [doc('a.pdf')], COMMITMENT_LETTER: [{}] })]).toEqual(['FILED_PRODUCT']);
  });
});
