import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDateOf, yearOf } from '../../domain/kernel/calendar/local-date.js';
import { ANNEX_1_ITEM_CODES } from '../../domain/underwriting/qualification.js';
import { Conflict } from '../../domain/kernel/errors.js';
import type { Store } from '../../functions/adapters/dynamodb/store.js';
import { DEMO_PASSWORD } from './seed.js';

const SEED_CSV = join(import.meta.dirname, 'seed', 'enterprises-xinzhou-5000.csv');
const MARKER = { PK: 'P#SEED#demo-business', SK: 'v1' };

interface Row {
  uscc: string;
  name: string;
  industry: string;
  county: string;
  staff: number;
}

/** A small client for the seeding: the demo is made through the API, as a person would make it. */
function client(url: string) {
  const call = async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    call,
    async signIn(username: string): Promise<string> {
      const answer = await call(undefined, 'POST', '/auth/login', { username, password: DEMO_PASSWORD });
      if (answer.status !== 200) throw new Error(`demo sign-in of ${username} failed: ${answer.status}`);
      return answer.body.accessToken as string;
    },
  };
}

const doc = (name: string) => ({ archiveId: `demo-${Buffer.from(name).toString('hex').slice(0, 24)}`, sha256: '0'.repeat(64), name });

function filing(year: number, branchName: string) {
  return {
    branch: { name: branchName, cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
    businessLicence: { number: `9114090${year}DEMO`, expiresOn: null },
    insurancePermit: { number: `PERMIT-${year}`, expiresOn: `${year + 2}-12-31` },
    majorViolations: [],
    solvency: { comprehensiveRatioBasisPoints: 21_500, riskRating: 'A' },
    prevention: {
      systemDocument: doc('事故预防服务制度.pdf'),
      planTemplate: doc('事故预防服务方案模板.docx'),
      riskControlTeam: [{ name: '张工', role: '风控负责人' }, { name: '李工', role: '注册安全工程师' }],
      evidence: [doc('风控团队任命文件.pdf')],
    },
    filedProduct: {
      filingNumber: 'C00000232512024050901181',
      name: '安全生产责任保险（2024版）',
      baseRatesPpm: { COAL_MINE: 3500, NON_COAL_MINE: 3000, TAILINGS_POND: 3000, HAZCHEM: 2500, FIREWORKS: 3000, METAL_SMELTING: 2500, CHEMICAL: 2000 },
      factorBounds: {
        accidentRecord: { minBasisPoints: 8_000, maxBasisPoints: 15_000 },
        standardisation: {
          GRADE_1: { minBasisPoints: 8_000, maxBasisPoints: 9_000 },
          GRADE_2: { minBasisPoints: 9_000, maxBasisPoints: 10_000 },
          GRADE_3: { minBasisPoints: 10_000, maxBasisPoints: 10_500 },
          NONE: { minBasisPoints: 10_500, maxBasisPoints: 12_000 },
        },
        penalties: { minBasisPoints: 10_000, maxBasisPoints: 13_000 },
        riskLevel: { minBasisPoints: 9_000, maxBasisPoints: 12_000 },
      },
    },
    annex1: Object.fromEntries(ANNEX_1_ITEM_CODES.map((code) => [code, [doc(`${code}.pdf`)]])),
    commitmentLetter: { signedBy: '分公司总经理', signedOn: `${year}-06-01` },
    filedOn: `${year}-06-01`,
  };
}

/**
 * Business demo data on the first `npm start` of a data folder, made through the API: the city EMB imports
 * the shared 5,000-enterprise register (REG-1), the three insurers file their qualification for this year
 * (QUAL-1..6), each issues policies to mandatory-industry enterprises of a few counties (UW-1..10), and an
 * enterprise files a complaint (CMP-1). About 15 s, once; the coverage gap (UW-11) then has real figures.
 */
export async function seedDemoBusiness(url: string, store: Store, now: Date): Promise<boolean> {
  if (await store.get(MARKER)) return false;
  const api = client(url);
  const city = await api.signIn('emb-city');
  const csv = readFileSync(SEED_CSV);
  const imported = await api.call(city, 'POST', '/regulator/enterprise-imports', {
    fileName: 'enterprises-xinzhou-5000.csv',
    contentBase64: csv.toString('base64'),
  });
  if (imported.status !== 201 && imported.status !== 200) throw new Error(`demo register import failed: ${JSON.stringify(imported.body)}`);

  const rows: Row[] = csv
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([uscc, name, industry, county, staff]) => ({ uscc: uscc ?? '', name: name ?? '', industry: industry ?? '', county: county ?? '', staff: Number(staff) }));
  const today = shanghaiDateOf(now);
  const year = yearOf(today);
  const inAYear = `${year + 1}${today.slice(4)}`;
  const mandatory = new Set(['COAL_MINE', 'NON_COAL_MINE', 'HAZCHEM', 'METAL_SMELTING', 'FIREWORKS']);
  const plan = [
    { username: 'picc-admin', branch: '中国人民财产保险股份有限公司忻州市分公司', county: '140902', count: 24 },
    { username: 'pingan-admin', branch: '中国平安财产保险股份有限公司忻州中心支公司', county: '140981', count: 12 },
    { username: 'cpic-admin', branch: '中国太平洋财产保险股份有限公司忻州中心支公司', county: '140925', count: 12 },
  ];
  for (const insurer of plan) {
    const token = await api.signIn(insurer.username);
    const filed = await api.call(token, 'PUT', `/qualification/${year}`, filing(year, insurer.branch));
    if (filed.status !== 200) throw new Error(`demo filing of ${insurer.username} failed: ${JSON.stringify(filed.body)}`);
    const insured = rows.filter((row) => row.county === insurer.county && mandatory.has(row.industry) && row.staff > 0).slice(0, insurer.count);
    for (const [index, row] of insured.entries()) {
      const issued = await api.call(token, 'POST', '/policies', {
        enterpriseUscc: row.uscc,
        policyNumber: `DEMO${insurer.county}${year}${String(index + 1).padStart(4, '0')}`,
        periodStart: today,
        periodEnd: inAYear,
        employeesCovered: row.staff,
        perPersonInsuredAmountFen: 30_000_000 + (index % 3) * 10_000_000,
        perPersonDeathLimitFen: 30_000_000,
        rating: {
          accidentRecordBasisPoints: 10_000,
          standardisationGrade: index % 2 ? 'GRADE_2' : 'GRADE_3',
          standardisationBasisPoints: index % 2 ? 9_500 : 10_000,
          penaltiesBasisPoints: 10_000,
          riskLevelBasisPoints: 10_500,
        },
        mode: 'INDEPENDENT',
        premiumPaidByEnterprise: true,
      });
      if (issued.status !== 201) throw new Error(`demo policy for ${row.uscc} failed: ${JSON.stringify(issued.body)}`);
    }
  }

  const enterprise = await api.signIn('ent-demo');
  const insurers = await api.call(enterprise, 'GET', '/me/insurers');
  const picc = (insurers.body.items as { id: string; branchName: string }[]).find((item) => item.branchName.startsWith('人保'));
  if (picc) await api.call(enterprise, 'POST', '/me/complaints', { insurerId: picc.id, request: '九月份的隐患排查未按服务方案开展，请核实并答复。' });

  await store.commit([{ kind: 'create', item: { ...MARKER, kind: 'SEED', seededAt: now.toISOString() }, onExists: () => new Conflict('seeded') }], []);
  return true;
}
