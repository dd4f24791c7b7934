import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { addDays, addMonths, shanghaiDateOf, yearOf, type LocalDate } from '../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { DEMO_PASSWORD } from './seed.js';

const SEED_CSV = join(import.meta.dirname, 'seed', 'enterprises-xinzhou-5000.csv');
/** The demo enterprise (ent-demo), a small coal mine: SVC-1's table asks 2 risk assessments, 2 inspections, 1 deep. */
const DEMO_ENTERPRISE_USCC = '91140902100079190P';
/** A large HAZCHEM enterprise insured by 人保 in the business demo: SVC-1 asks 1 risk assessment, 1 inspection. */
const HAZCHEM_USCC = '911409021055433003';
/** A small coal mine of 忻府区 the business demo leaves uninsured; its policy here started months ago. */
const BACKDATED_USCC = '911409021288251671';
/** SVC-9: how far back the late service was performed — past the 20-working-day archive deadline. */
const OVERDUE_WORKING_DAYS = 25;
/** SVC-9: how far back the service awaiting the enterprise's confirmation was performed — 2 working days before its deadline. */
const AWAITING_WORKING_DAYS = 18;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}
interface Policy {
  id: string;
  policyNumber: string;
  periodStart: LocalDate;
  enterprise: { uscc: string };
}
interface Service {
  id: string;
  status: string;
  hazardIds: string[];
}

/** The seeding's API client: every step goes through the gateway, as the console would take it. */
function client(url: string) {
  const call = async (token: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  /** A step the demo cannot do without: anything but `expected` stops the seeding with the API's answer. */
  const must = async <T>(token: string, method: string, path: string, body: unknown, expected = 200): Promise<T> => {
    const answer = await call(token, method, path, body);
    if (answer.status !== expected) throw new Error(`demo services: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  return {
    must,
    get: <T>(token: string, path: string) => must<T>(token, 'GET', path, undefined),
    post: <T>(token: string, path: string, body: unknown, expected = 200) => must<T>(token, 'POST', path, body, expected),
    async signIn(username: string): Promise<string> {
      const answer = await call(undefined, 'POST', '/auth/login', { username, password: DEMO_PASSWORD });
      if (answer.status !== 200) throw new Error(`demo sign-in of ${username} failed: ${answer.status}`);
      return answer.body.accessToken as string;
    },
  };
}
type Client = ReturnType<typeof client>;

// ── A site photo: a small PNG drawn here, so the demo needs no binary file in the repository ──────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 96×64 RGB PNG: a sky-to-ground gradient with a stripe of `hue`, different per photo so digests differ. */
export function demoPhoto(hue: number): Buffer {
  const width = 96;
  const height = 64;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const stripe = Math.abs(y - height / 2) < 4;
      row[1 + x * 3] = stripe ? hue & 0xff : 90 + Math.round((y / height) * 120);
      row[2 + x * 3] = stripe ? (hue * 7) & 0xff : 120 + Math.round((x / width) * 60);
      row[3 + x * 3] = stripe ? (hue * 13) & 0xff : 200 - Math.round((y / height) * 150);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SVC-13: asks for an upload ticket at `path` and PUTs the photo to it, as the console does; the upload id. */
async function uploadPhoto(api: Client, token: string, path: string, fileName: string, bytes: Buffer): Promise<string> {
  const answer = await api.post<{ uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } }>(
    token,
    path,
    { fileName, contentType: 'image/png', size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') },
    201,
  );
  const put = await fetch(answer.ticket.url, { method: answer.ticket.method, headers: answer.ticket.headers, body: bytes });
  if (!put.ok) throw new Error(`demo services: evidence upload answered ${put.status}: ${await put.text()}`);
  return answer.uploadId;
}

// ── Times ─────────────────────────────────────────────────────────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const WORKING_WINDOW_MS = 9 * HOUR_MS;

/** An instant written in Asia/Shanghai time with its offset, as people there read it. */
function shanghaiInstant(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * Instants earlier today: the business demo's policies start today, and SVC-9 refuses a service performed in
 * the future, so today's services happen between Shanghai midnight and `now`. `at(1)` is the start of the
 * working window (nine hours back, or midnight when `now` is earlier), `at(0)` is `now`; the services keep
 * their order however short the window.
 */
function earlierToday(now: Date) {
  const midnight = Date.parse(`${shanghaiDateOf(now)}T00:00:00+08:00`);
  const span = Math.min(now.getTime() - midnight, WORKING_WINDOW_MS);
  return (fraction: number) => shanghaiInstant(now.getTime() - Math.round(span * fraction));
}

// ── What the services are about ───────────────────────────────────────────────────────────────────────────────

const line = (type: string, count: number, items: string[], measures: string, provider: { kind: string; orgId?: string }, personnel: string[], deep = false) => ({
  type,
  deep,
  count,
  items,
  measures,
  provider,
  personnel,
});

/** SVC-1, SVC-4: a coal mine's plan meeting the table (2 risk assessments, 2 inspections of which 1 deep), plus training. */
function coalMinePlan(agreedOn: LocalDate, orgId: string, agreedBy: string) {
  return {
    items: [
      line('RISK_ASSESSMENT', 2, ['主要危险源辨识', '风险分级管控清单'], '现场查看、查阅台账、座谈', { kind: 'OWN' }, ['张工', '李工']),
      line('HAZARD_INSPECTION', 1, ['通风系统', '机电设备', '消防设施'], '分系统现场排查', { kind: 'OWN' }, ['张工']),
      line('HAZARD_INSPECTION', 1, ['瓦斯防治', '顶板管理', '提升运输'], '专家体检式精查', { kind: 'THIRD_PARTY', orgId }, ['王建国', '赵志强'], true),
      line('TRAINING', 1, ['新《安全生产法》', '事故案例警示教育'], '集中授课与现场演练', { kind: 'OWN' }, ['李工']),
    ],
    goals: '消除重大事故隐患，一般隐患按期整改率达到100%',
    support: '企业安排专人陪同，提供安全生产台账、图纸和特种作业人员资料',
    basis: '近三年无生产安全死亡事故；安全生产标准化二级；瓦斯等级为低瓦斯矿井',
    agreedBy,
    agreedOn,
  };
}

/** SVC-1: a large HAZCHEM enterprise — one risk assessment and one hazard inspection a year. */
function hazchemPlan(agreedOn: LocalDate) {
  return {
    items: [
      line('RISK_ASSESSMENT', 1, ['重大危险源辨识', '储罐区风险评估'], '现场评估与HAZOP复核', { kind: 'OWN' }, ['李工']),
      line('HAZARD_INSPECTION', 1, ['储罐区', '装卸站台', '可燃气体报警'], '现场排查', { kind: 'OWN' }, ['张工']),
    ],
    goals: '重大危险源风险受控，消除储罐区重大事故隐患',
    support: '企业提供危险化学品登记资料和重大危险源备案材料',
    basis: '近三年无生产安全事故；构成三级重大危险源一处',
    agreedBy: '孙总经理',
    agreedOn,
  };
}

const record = (overrides: Record<string, unknown>) => ({
  place: '主井口、调度室及井下采掘工作面',
  personnel: [
    { name: '张工', role: '组长' },
    { name: '李工', role: '注册安全工程师' },
  ],
  items: ['主要危险源辨识', '风险分级管控清单'],
  measures: '现场查看、查阅台账、询问作业人员',
  process: '召开首次会议，分组现场检查，末次会议通报发现的问题并提出整改要求',
  hazards: [],
  evidence: [],
  ...overrides,
});

/**
 * Prevention-services demo data (SVC-1..13), made through the API as 人保's staff and the demo enterprise
 * would make it, so the console's 预防服务 pages show every step:
 * - ent-demo's coal-mine policy: an agreed plan meeting SVC-1; a risk assessment ARCHIVED with a site photo and a
 *   GENERAL hazard the enterprise rectified and the insurer verified; a hazard inspection COMPLETED with a MAJOR
 *   hazard (notice to the principal) and a GENERAL one; a deep inspection by a registered organisation and two
 *   pool experts SCHEDULED next week, waiting for the enterprise's confirmation (SVC-5);
 * - a large HAZCHEM enterprise's policy: a plan, and a risk assessment CONFIRMED by both parties, ready to archive —
 *   the enterprise has no account, so its signature was captured on the staff's device and is flagged (SVC-9, SVC-13);
 * - a coal mine's policy that started three months ago: an inspection performed 25 working days ago, followed up
 *   late and still not archived, so the due list shows an overdue archive (SVC-8, SVC-9);
 *   and a risk assessment performed 18 working days ago, signed by the insurer and awaiting the enterprise's
 *   confirmation 2 working days before its archive deadline (the daily run reminds of both, issue 16).
 * The demo's policies start today, so today's services are performed earlier today (SVC-9 refuses a future one).
 * Runs once: when 人保 already has any service, nothing is added. About two seconds.
 */
export async function seedDemoServices(url: string, now: Date): Promise<boolean> {
  const api = client(url);
  const picc = await api.signIn('picc-staff');
  const existing = await api.get<{ items: unknown[] }>(picc, '/services?limit=1');
  if (existing.items.length > 0) return false;

  const today = shanghaiDateOf(now);
  const at = earlierToday(now);
  const policies = (await api.get<{ items: Policy[] }>(picc, '/policies?limit=100')).items;
  const policyOf = (uscc: string): Policy => {
    const found = policies.find((policy) => policy.enterprise.uscc === uscc);
    if (!found) throw new Error(`demo services: 人保 has no demo policy for ${uscc}; seed the business demo first`);
    return found;
  };
  const coal = policyOf(DEMO_ENTERPRISE_USCC);
  const hazchem = policyOf(HAZCHEM_USCC);
  const backdated = await issueBackdatedPolicy(api, await api.signIn('picc-admin'), today);

  const orgs = (await api.get<{ items: { id: string; name: string; status: string }[] }>(picc, '/regulator/service-orgs?limit=100')).items;
  const org = orgs.find((candidate) => candidate.name === '忻州安泰安全技术服务有限公司' && candidate.status === 'ACTIVE');
  if (!org) throw new Error('demo services: the REG-2 demo organisation is missing; seedDemoProviders runs first');
  const pool = (await api.get<{ items: { id: string; name: string; status: string }[] }>(picc, '/regulator/experts?limit=100')).items;
  const expertIds = ['王建国', '赵志强'].map((name) => pool.find((expert) => expert.name === name && expert.status === 'ACTIVE')?.id);
  if (expertIds.some((id) => id === undefined)) throw new Error('demo services: the REG-3 demo experts are missing');

  // SVC-4: the plans, agreed on the day each policy starts.
  await api.must(picc, 'PUT', `/policies/${coal.id}/service-plan`, coalMinePlan(coal.periodStart, org.id, '赵矿长'));
  await api.must(picc, 'PUT', `/policies/${hazchem.id}/service-plan`, hazchemPlan(hazchem.periodStart));
  await api.must(picc, 'PUT', `/policies/${backdated.id}/service-plan`, coalMinePlan(backdated.periodStart, org.id, '刘矿长'));

  const enterprise = await api.signIn('ent-demo');
  const schedule = (policy: Policy, type: string, scheduledAt: string, plannedItems: string[], extra: Record<string, unknown> = {}) =>
    api.post<Service>(picc, '/services', { policyId: policy.id, type, scheduledAt, provider: { kind: 'OWN' }, expertIds: [], plannedItems, plannedMeasures: '现场查看与资料核查', ...extra }, 201);
  const confirmSchedule = (service: Service, byEnterprise: boolean, confirmedByName: string) =>
    byEnterprise
      ? api.post<Service>(enterprise, `/me/services/${service.id}/confirm-schedule`, { confirmedByName })
      : api.post<Service>(picc, `/services/${service.id}/confirm-schedule`, { confirmedByName });
  /**
   * SVC-9, SVC-13: both sign after the record exists (signing earlier would be flagged) — the enterprise through
   * its own login (ent-demo), or, for an enterprise with no account, on the staff's device with its position
   * (the platform refuses that for one with an account, and flags it).
   */
  const signBoth = async (service: Service, byEnterprise: boolean, enterpriseSigner: string) => {
    await api.post(picc, `/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signerTitle: '风控部经理', signedAt: new Date().toISOString() });
    const signature = { signerName: enterpriseSigner, signerTitle: '安全副总', signedAt: new Date().toISOString() };
    return byEnterprise
      ? api.post<Service>(enterprise, `/me/services/${service.id}/confirm`, signature)
      : api.post<Service>(picc, `/services/${service.id}/on-site-signature`, { ...signature, location: { latitude: 38.4312, longitude: 112.7125 } });
  };

  // 1. ARCHIVED: a risk assessment this morning, a site photo, a GENERAL hazard rectified and verified (SVC-7, SVC-10).
  let assessed = await schedule(coal, 'RISK_ASSESSMENT', at(1), ['主要危险源辨识', '风险分级管控清单']);
  assessed = await confirmSchedule(assessed, true, '赵矿长');
  const photo = await uploadPhoto(api, picc, `/services/${assessed.id}/evidence-uploads`, 'main-shaft-site.png', demoPhoto(200));
  assessed = await api.post<Service>(
    picc,
    `/services/${assessed.id}/complete`,
    record({
      performedAt: at(0.9),
      endedAt: at(0.6),
      hazards: [{ description: '主井口消防沙箱砂量不足、消防锹缺失', grade: 'GENERAL', rectifyBy: addDays(today, 7) }],
      evidence: [{ uploadId: photo, kind: 'PHOTO', capturedAt: at(0.8), capturedBy: '张工', location: { latitude: 38.4167, longitude: 112.7333 } }],
    }),
  );
  const generalId = assessed.hazardIds[0] as string;
  await api.post(enterprise, `/me/hazards/${generalId}/rectification`, { plan: '补足消防沙并配齐消防锹，纳入班前检查', dueOn: addDays(today, 5), responsiblePerson: '通风科科长' });
  const closure = await uploadPhoto(api, enterprise, `/me/hazards/${generalId}/evidence-uploads`, 'sand-box-rectified.png', demoPhoto(60));
  await api.post(enterprise, `/me/hazards/${generalId}/rectification`, {
    closed: true,
    closureNote: '已补足消防沙1立方米，配齐消防锹4把',
    closureEvidence: [{ uploadId: closure, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '通风科科长' }],
  });
  await api.post(picc, `/hazards/${generalId}/verify`, { accepted: true, comments: '现场复查，整改到位' });
  await api.post(picc, `/services/${assessed.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '评估细致，整改建议可操作' });
  await signBoth(assessed, true, '赵矿长');
  await api.post(picc, `/services/${assessed.id}/archive`, {});

  // 2. COMPLETED: an inspection with a MAJOR hazard (notice to the principal, SVC-7) and a GENERAL one; follow-up due.
  let inspected = await schedule(coal, 'HAZARD_INSPECTION', at(0.55), ['通风系统', '机电设备', '消防设施']);
  inspected = await confirmSchedule(inspected, true, '赵矿长');
  await api.post(
    picc,
    `/services/${inspected.id}/complete`,
    record({
      performedAt: at(0.5),
      endedAt: at(0.3),
      items: ['通风系统', '机电设备', '消防设施'],
      hazards: [
        { description: '井下局部通风机未实现"双电源、双风机"自动切换', grade: 'MAJOR', rectifyBy: addDays(today, 30) },
        { description: '中央变电所绝缘手套、绝缘靴超过检验周期', grade: 'GENERAL', rectifyBy: addDays(today, 10) },
      ],
      principalName: '赵矿长',
    }),
  );

  // 3. SCHEDULED: next week's deep inspection by a registered organisation and pool experts (SVC-3, SVC-6), for the
  //    enterprise to confirm (SVC-5).
  await schedule(coal, 'HAZARD_INSPECTION', `${addDays(today, 7)}T09:00:00+08:00`, ['瓦斯防治', '顶板管理', '提升运输'], {
    deep: true,
    provider: { kind: 'THIRD_PARTY', orgId: org.id },
    expertIds,
    plannedMeasures: '专家分专业体检式精查，出具精查报告',
  });

  // 4. CONFIRMED: the HAZCHEM enterprise's risk assessment, signed by both, ready to archive in the console. The
  //    enterprise has no account: its signer signs on the staff's device, flagged ENTERPRISE_SIGNED_ON_INSURER_DEVICE.
  let hazchemService = await schedule(hazchem, 'RISK_ASSESSMENT', at(0.45), ['重大危险源辨识', '储罐区风险评估']);
  hazchemService = await confirmSchedule(hazchemService, false, '孙总经理');
  await api.post(
    picc,
    `/services/${hazchemService.id}/complete`,
    record({ performedAt: at(0.4), endedAt: at(0.15), place: '储罐区及装卸站台', items: ['重大危险源辨识', '储罐区风险评估'] }),
  );
  await api.post(picc, `/services/${hazchemService.id}/follow-up`, { channel: 'ON_SITE', satisfaction: 4, comments: '基本满意' });
  await signBoth(hazchemService, false, '孙总经理');

  // 5. Overdue: performed 25 working days ago, followed up late, signed by the insurer only — the archive deadline
  //    (20 working days, SVC-9) has passed, so the due list shows it overdue.
  const performedOn = WorkingDayCalendar.builtin().addWorkingDays(today, -OVERDUE_WORKING_DAYS).date;
  let late = await schedule(backdated, 'HAZARD_INSPECTION', `${performedOn}T09:00:00+08:00`, ['通风系统', '提升运输']);
  late = await confirmSchedule(late, false, '刘矿长');
  await api.post(
    picc,
    `/services/${late.id}/complete`,
    record({ performedAt: `${performedOn}T09:30:00+08:00`, endedAt: `${performedOn}T15:30:00+08:00`, items: ['通风系统', '提升运输'] }),
  );
  await api.post(picc, `/services/${late.id}/follow-up`, { channel: 'PHONE', satisfaction: 4, comments: '补录回访' });
  await api.post(picc, `/services/${late.id}/confirm`, { party: 'INSURER', signerName: '王经理', signerTitle: '风控部经理', signedAt: new Date().toISOString() });

  // 6. Awaiting the enterprise: performed 18 working days ago, followed up, signed by the insurer — the record lacks
  //    only the enterprise's confirmation, 2 working days before its archive deadline (SVC-9), so the daily run
  //    reminds the insurer and the enterprise that it is due (issue 16).
  const awaitingOn = WorkingDayCalendar.builtin().addWorkingDays(today, -AWAITING_WORKING_DAYS).date;
  let awaiting = await schedule(backdated, 'RISK_ASSESSMENT', `${awaitingOn}T09:00:00+08:00`, ['主要危险源辨识', '风险分级管控清单']);
  awaiting = await confirmSchedule(awaiting, false, '刘矿长');
  await api.post(
    picc,
    `/services/${awaiting.id}/complete`,
    record({ performedAt: `${awaitingOn}T09:30:00+08:00`, endedAt: `${awaitingOn}T16:00:00+08:00` }),
  );
  await api.post(picc, `/services/${awaiting.id}/follow-up`, { channel: 'ON_SITE', satisfaction: 5, comments: '补录回访' });
  await api.post(picc, `/services/${awaiting.id}/confirm`, { party: 'INSURER', signerName: '王经理', signerTitle: '风控部经理', signedAt: new Date().toISOString() });
  return true;
}

/**
 * A policy whose year began three months ago, so a service can have been performed weeks before today (the
 * business demo's policies all start today). Issued now for the register's entry (UW-3, UW-5).
 */
async function issueBackdatedPolicy(api: Client, admin: string, today: LocalDate): Promise<Policy> {
  const row = readFileSync(SEED_CSV, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith(`${BACKDATED_USCC},`));
  const staff = Number(row?.split(',')[4]);
  if (!row || !Number.isSafeInteger(staff)) throw new Error(`demo services: ${BACKDATED_USCC} is not in the demo register`);
  const periodStart = addMonths(today, -3);
  return api.post<Policy>(
    admin,
    '/policies',
    {
      enterpriseUscc: BACKDATED_USCC,
      policyNumber: `DEMO140902${yearOf(today)}S001`,
      periodStart,
      periodEnd: addDays(addMonths(periodStart, 12), -1),
      employeesCovered: staff,
      perPersonInsuredAmountFen: 30_000_000,
      perPersonDeathLimitFen: 30_000_000,
      rating: {
        accidentRecordBasisPoints: 10_000,
        standardisationGrade: 'GRADE_2',
        standardisationBasisPoints: 9_500,
        penaltiesBasisPoints: 10_000,
        riskLevelBasisPoints: 10_500,
      },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: true,
    },
    201,
  );
}
