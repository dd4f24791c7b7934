import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { shanghaiDateOf, yearOf } from '../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { ANNEX_1_ITEM_CODES } from '../../domain/underwriting/qualification.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { Conflict } from '../../domain/kernel/errors.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import type { Store } from '../../functions/adapters/dynamodb/store.js';
import { seedDemoFees } from './demo-fees.js';
import { seedDemoServices } from './demo-services.js';
import { seedActingToken } from './demo-seed-token.js';
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
    // As the API tells every client: a 503 (a busy machine: the 5,000-row import under load) is retried after its
    // Retry-After with the same Idempotency-Key, so a POST that did commit is answered, not repeated.
    const idempotencyKey = method === 'POST' ? randomUUID() : undefined;
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status === 503 && attempt < 4) {
        await sleep(Math.min(Number(response.headers.get('retry-after') ?? 1) || 1, 10) * 1000);
        continue;
      }
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    }
  };
  return {
    call,
    async signIn(username: string): Promise<string> {
      const answer = await call(undefined, 'POST', '/auth/login', { username, password: DEMO_PASSWORD });
      // Issue 21: a regulator signs in with its authenticator (enrolled at its own first sign-in); the seeding acts for it.
      const mfa = answer.body.mfa === 'SETUP_REQUIRED' || answer.body.challenge === 'MFA_CODE';
      if (mfa) return seedActingToken(username);
      if (answer.status !== 200) throw new Error(`demo sign-in of ${username} failed: ${answer.status}`);
      return answer.body.accessToken as string;
    },
  };
}

const doc = (name: string) => ({ archiveId: `demo-${Buffer.from(name).toString('hex').slice(0, 24)}`, sha256: '0'.repeat(64), name });

/**
 * QUAL-4: uploads one evidence document of the prevention capability through its ticket, as the console does;
 * the reference the filing cites (the upload id and the file's SHA-256).
 */
async function uploadDocument(url: string, token: string, year: number, name: string) {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${name}（演示数据）\n%%EOF\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const asked = await fetch(`${url}/api/v1/qualification/${year}/document-uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ fileName: name, contentType: 'application/pdf', size: bytes.byteLength, sha256 }),
  });
  const answer = (await asked.json()) as { uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } };
  if (asked.status !== 201) throw new Error(`demo document upload ticket failed: ${JSON.stringify(answer)}`);
  const put = await fetch(answer.ticket.url, { method: answer.ticket.method, headers: answer.ticket.headers, body: bytes });
  if (put.status >= 300) throw new Error(`demo document upload failed: ${put.status}`);
  return { archiveId: answer.uploadId, sha256, name };
}

function filing(year: number, branchName: string, evidence: readonly ReturnType<typeof doc>[]) {
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
      evidence,
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
  };
}

/**
 * CLM-1 (issue 19): two claims 人保 registered on ent-demo's policy — one paid in part with its reason and its
 * payout, one declined with its reason — so 理赔管理, 我的理赔 and the regulators' 拒赔监督 are not empty.
 */
async function seedDemoClaims(api: ReturnType<typeof client>, today: string): Promise<void> {
  const staff = await api.signIn('picc-staff');
  const policies = await api.call(staff, 'GET', '/policies?q=91140902100079190P&limit=1');
  const policy = (policies.body.items as { id: string }[] | undefined)?.[0];
  if (!policy) return;
  const claim = async (casualty: { name: string; kind: string; amountClaimedFen: number }, decision: Record<string, unknown>) => {
    const registered = await api.call(staff, 'POST', '/claims', { policyId: policy.id, accidentOn: today, place: '二采区运输巷', casualties: [casualty] });
    if (registered.status !== 201) throw new Error(`demo claim failed: ${JSON.stringify(registered.body)}`);
    const decided = await api.call(staff, 'POST', `/claims/${String(registered.body.id)}/decide`, decision);
    if (decided.status !== 200) throw new Error(`demo claim decision failed: ${JSON.stringify(decided.body)}`);
    return String(registered.body.id);
  };
  const partial = await claim(
    { name: '李明', kind: 'INJURY', amountClaimedFen: 5_000_000 },
    { payableFen: [4_000_000], reasonCode: 'INSUFFICIENT_EVIDENCE', reasonText: '医疗费用票据合计 4 万元，其余 1 万元未提供凭证。' },
  );
  await api.call(staff, 'POST', `/claims/${partial}/payouts`, { paidOn: today, amountFen: 4_000_000, note: '转账至企业账户' });
  await claim(
    { name: '张强', kind: 'INJURY', amountClaimedFen: 2_000_000 },
    { payableFen: [0], reasonCode: 'NOT_INSURED_PERSON', reasonText: '张强系外包施工单位人员，不在本保单参保人员名单内。' },
  );
}

/** 忻府安通煤业, a coal mine of 忻府区 past the 24 the business demo insures today and not the back-dated one. */
const HALF_YEAR_USCC = '91140902127162170D';

/**
 * RPT-1 (issue 18): the first half-year whose report is complete before `today` — this year's once July has
 * begun, else last year's (the half-year report covers January–June; July–December is the year report's).
 */
export function lastCompleteFirstHalf(today: string): { year: number; from: string; to: string } {
  const year = today >= `${yearOf(today)}-07-01` ? yearOf(today) : yearOf(today) - 1;
  return { year, from: `${year}-01-01`, to: `${year}-06-30` };
}

/**
 * RPT-1, FEE-1..3 (issue 18): the demo's policies all start today, so 人保's half-year report was all zeros.
 * One more policy, issued now with its one-year period starting early in the last complete first half (UW-1
 * allows a back-dated period; eligibility is judged on the day of issue), its premium received in full that
 * January (FEE-1: the accrual) and a training-materials expense that March citing its invoice in 人保's
 * write-once archive (FEE-2, FEE-3) — so the half-year report has underwriting and fee figures. Runs once,
 * under the business demo's marker, after the fees of today's policies (their last is the one paid by half).
 */
async function seedDemoHalfYear(url: string, api: ReturnType<typeof client>, rows: readonly Row[], today: string): Promise<void> {
  const row = rows.find((candidate) => candidate.uscc === HALF_YEAR_USCC);
  if (!row) return; // a test's cut register without it: nothing to insure
  const half = lastCompleteFirstHalf(today);
  const periodStart = `${half.year}-01-06`;
  const admin = await api.signIn('picc-admin');
  const issued = await api.call(admin, 'POST', '/policies', {
    enterpriseUscc: row.uscc,
    policyNumber: `DEMO140902${half.year}H001`,
    periodStart,
    periodEnd: oneYearPeriodEnd(periodStart),
    employeesCovered: row.staff,
    perPersonInsuredAmountFen: 30_000_000,
    perPersonDeathLimitFen: 30_000_000,
    rating: {
      accidentRecordBasisPoints: 10_000,
      standardisationGrade: 'GRADE_3',
      standardisationBasisPoints: 10_000,
      penaltiesBasisPoints: 10_000,
      riskLevelBasisPoints: 10_500,
    },
    mode: 'INDEPENDENT',
    premiumPaidByEnterprise: true,
  });
  if (issued.status !== 201) throw new Error(`demo half-year policy failed: ${JSON.stringify(issued.body)}`);
  const policyId = String(issued.body.id);
  const premium = await api.call(admin, 'GET', `/fees/premium-receipts?policyId=${encodeURIComponent(policyId)}`);
  const received = await api.call(admin, 'POST', '/fees/premium-receipts', { policyId, receivedOn: `${half.year}-01-20`, amountFen: premium.body.outstandingFen });
  if (received.status !== 201) throw new Error(`demo half-year receipt failed: ${JSON.stringify(received.body)}`);
  const accrualFen = (received.body.receipt as { accrualFen: number }).accrualFen;
  // FEE-2: the invoice goes to the archive through an upload ticket, the way an insurer files a document of its own.
  const invoice = await uploadDocument(url, admin, yearOf(today), `${half.year}年安全生产培训教材采购发票.pdf`);
  const spent = await api.call(admin, 'POST', '/fees/expenses', {
    spentOn: `${half.year}-03-18`,
    category: 'TRAINING_MATERIALS',
    amountFen: Math.max(100, Math.floor((accrualFen * 40) / 100 / 100) * 100),
    description: `安全生产培训教材及宣传资料（${row.name}，演示数据）`,
    document: invoice,
  });
  if (spent.status !== 201) throw new Error(`demo half-year expense failed: ${JSON.stringify(spent.body)}`);
}

/**
 * Business demo data on the first `npm start` of a data folder, made through the API: the city EMB imports
 * the shared 5,000-enterprise register (REG-1), the three insurers file their qualification for this year
 * (QUAL-1..6) and the city EMB records their paper filing of June 1 (QUAL-6), each issues policies to
 * mandatory-industry enterprises of a few counties (UW-1..10), and an
 * enterprise files a complaint (CMP-1); the insurers record the premium received and some prevention expenses
 * (FEE-1..3); the city EMB also registers service organisations (REG-2) and keeps an
 * expert pool (REG-3). About 15 s, once; the coverage gap (UW-11) then has real figures.
 */
export async function seedDemoBusiness(
  url: string,
  store: Store,
  now: Date,
  /** The register to import (CSV bytes); the shared 5,000 enterprises unless a test passes a smaller one. */
  registerCsv: Buffer = readFileSync(SEED_CSV),
): Promise<boolean> {
  if (await store.get(MARKER)) return false;
  const api = client(url);
  const city = await api.signIn('emb-city');
  const csv = registerCsv;
  const imported = await api.call(city, 'POST', '/regulator/enterprise-imports', {
    fileName: 'enterprises-xinzhou-5000.csv',
    contentBase64: csv.toString('base64'),
  });
  if (imported.status !== 201 && imported.status !== 200) throw new Error(`demo register import failed: ${JSON.stringify(imported.body)}`);
  await seedDemoProviders(url, now);

  const rows: Row[] = csv
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([uscc, name, industry, county, staff]) => ({ uscc: uscc ?? '', name: name ?? '', industry: industry ?? '', county: county ?? '', staff: Number(staff) }));
  const today = shanghaiDateOf(now);
  const year = yearOf(today);
  const mandatory = new Set(['COAL_MINE', 'NON_COAL_MINE', 'HAZCHEM', 'METAL_SMELTING', 'FIREWORKS']);
  const plan = [
    { username: 'picc-admin', branch: '中国人民财产保险股份有限公司忻州市分公司', county: '140902', count: 24 },
    { username: 'pingan-admin', branch: '中国平安财产保险股份有限公司忻州中心支公司', county: '140981', count: 12 },
    { username: 'cpic-admin', branch: '中国太平洋财产保险股份有限公司忻州中心支公司', county: '140925', count: 12 },
  ];
  for (const insurer of plan) {
    const token = await api.signIn(insurer.username);
    const evidence = await uploadDocument(url, token, year, '风控团队任命文件.pdf');
    const filed = await api.call(token, 'PUT', `/qualification/${year}`, filing(year, insurer.branch, [evidence]));
    if (filed.status !== 200) throw new Error(`demo filing of ${insurer.username} failed: ${JSON.stringify(filed.body)}`);
    // QUAL-6: the platform stamps today; the city EMB records that the materials reached it on paper by June 1.
    const tenantId = (filed.body.filing as { tenantId: string }).tenantId;
    const paper = await api.call(city, 'POST', `/regulator/qualifications/${tenantId}/${year}/paper-filing`, {
      filedOn: today < `${year}-06-01` ? today : `${year}-06-01`,
      note: '纸质报送材料收文登记（演示数据）',
    });
    if (paper.status !== 200) throw new Error(`demo paper filing of ${insurer.username} failed: ${JSON.stringify(paper.body)}`);
    const insured = rows.filter((row) => row.county === insurer.county && mandatory.has(row.industry) && row.staff > 0).slice(0, insurer.count);
    for (const [index, row] of insured.entries()) {
      const issued = await api.call(token, 'POST', '/policies', {
        enterpriseUscc: row.uscc,
        policyNumber: `DEMO${insurer.county}${year}${String(index + 1).padStart(4, '0')}`,
        periodStart: today,
        periodEnd: oneYearPeriodEnd(today),
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

  await seedDemoServices(url, now);
  // FEE-1..3 (issue 15): the issued policies' premium received and some prevention spent, so the ledgers are not empty.
  await seedDemoFees(api, now);
  // RPT-1 (issue 18): 人保's last complete half-year report has figures of its own.
  await seedDemoHalfYear(url, api, rows, today);

  const enterprise = await api.signIn('ent-demo');
  const insurers = await api.call(enterprise, 'GET', '/me/insurers');
  const picc = (insurers.body.items as { id: string; branchName: string }[]).find((item) => item.branchName.startsWith('人保'));
  if (picc) await api.call(enterprise, 'POST', '/me/complaints', { insurerId: picc.id, request: '九月份的隐患排查未按服务方案开展，请核实并答复。' });
  // CMP-1, CMP-2: a complaint 人保 received by phone 8 working days ago and has not answered — its reply is due in 2
  // working days, so the daily run reminds 人保 of it (issue 16).
  const receivedOn = WorkingDayCalendar.builtin().addWorkingDays(today, -8).date;
  const received = await api.call(await api.signIn('picc-staff'), 'POST', '/complaints', {
    enterpriseUscc: '91140902100079190P', // ent-demo's
    receivedAt: `${receivedOn}T10:00:00+08:00`,
    channel: 'PHONE',
    request: '电话反映：应急演练未按服务方案组织，请尽快安排并答复。',
  });
  if (received.status !== 201) throw new Error(`demo complaint received by phone failed: ${JSON.stringify(received.body)}`);
  await seedDemoClaims(api, today);

  await store.commit([{ kind: 'create', item: { ...MARKER, kind: 'SEED', seededAt: now.toISOString() }, onExists: () => new Conflict('seeded') }], []);
  return true;
}

/** A USCC of the 忻州 area with its GB 32100-2015 check character, from a readable 17-character stem. */
const demoUscc = (first17: string): string => first17 + usccCheckCharacter(first17);

/**
 * REG-2 / REG-3, made by the city EMB through the API: two organisations an insurer can name today, one
 * suspended and one whose registration has run out (SVC-6 refuses both), and six experts, one removed from the
 * pool. A re-run adds nothing: a registration number already held answers 409, and experts already in the
 * pool (by name) are skipped.
 */
export async function seedDemoProviders(url: string, now: Date): Promise<void> {
  const api = client(url);
  const city = await api.signIn('emb-city');
  const year = yearOf(shanghaiDateOf(now));
  const orgs = [
    {
      name: '忻州安泰安全技术服务有限公司',
      uscc: demoUscc('91140900MA0K3A001'),
      registrationNumber: `忻应急服备〔${year - 1}〕001号`,
      validFrom: `${year - 1}-01-01`,
      validTo: `${year + 2}-12-31`,
      scope: ['RISK_ASSESSMENT', 'HAZARD_INSPECTION', 'TRAINING'],
      contact: '张经理 0350-3036001',
    },
    {
      name: '山西晋安安全评价有限公司',
      uscc: demoUscc('91140100MA0H7B002'),
      registrationNumber: `忻应急服备〔${year}〕002号`,
      validFrom: `${year}-01-01`,
      validTo: `${year + 2}-12-31`,
      scope: ['RISK_ASSESSMENT', 'HAZARD_INSPECTION'],
      contact: '李工 0351-7020002',
    },
    {
      name: '忻州市恒信安全咨询有限公司',
      uscc: demoUscc('91140902MA0K5C003'),
      registrationNumber: `忻应急服备〔${year - 1}〕003号`,
      validFrom: `${year - 1}-03-01`,
      validTo: `${year + 1}-02-28`,
      scope: ['HAZARD_INSPECTION', 'TRAINING'],
      status: 'SUSPENDED',
    },
    {
      name: '原平市正元安全技术服务有限公司',
      uscc: demoUscc('91140981MA0K2D004'),
      registrationNumber: `忻应急服备〔${year - 3}〕004号`,
      validFrom: `${year - 3}-01-01`,
      validTo: `${year - 1}-12-31`,
      scope: ['HAZARD_INSPECTION'],
    },
  ];
  for (const org of orgs) {
    const answer = await api.call(city, 'POST', '/regulator/service-orgs', org);
    if (answer.status !== 201 && answer.status !== 409) throw new Error(`demo service organisation failed: ${JSON.stringify(answer.body)}`);
  }
  const experts = [
    { name: '王建国', specialties: ['煤矿通风', '瓦斯防治'], title: '正高级工程师', employer: '山西焦煤集团' },
    { name: '刘海燕', specialties: ['危化工艺', '重大危险源'], title: '高级工程师', employer: '太原理工大学' },
    { name: '赵志强', specialties: ['非煤矿山', '尾矿库'], title: '高级工程师', employer: '忻州市应急管理局专家组' },
    { name: '孙丽', specialties: ['烟花爆竹', '消防'], title: '注册安全工程师' },
    { name: '周明', specialties: ['冶金', '有限空间'], title: '高级工程师', employer: '太钢集团' },
    { name: '陈立军', specialties: ['煤矿机电'], title: '工程师', employer: '原平市某煤业公司', removed: true },
  ];
  const pool = await api.call(city, 'GET', '/regulator/experts?limit=100');
  const present = new Set(((pool.body.items ?? []) as { name: string }[]).map((expert) => expert.name));
  for (const { removed, ...expert } of experts) {
    if (present.has(expert.name)) continue;
    const added = await api.call(city, 'POST', '/regulator/experts', expert);
    if (added.status !== 201) throw new Error(`demo expert failed: ${JSON.stringify(added.body)}`);
    if (removed) {
      const out = await api.call(city, 'PATCH', `/regulator/experts/${String(added.body.id)}`, { status: 'REMOVED', version: 1 });
      if (out.status !== 200) throw new Error(`demo expert removal failed: ${JSON.stringify(out.body)}`);
    }
  }
}
