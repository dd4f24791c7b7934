import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { lastCompleteFirstHalf, seedDemoBusiness } from '../../infra/local/demo-business.js';
import { demoPhoto, seedDemoServices } from '../../infra/local/demo-services.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const DEMO = 'Anze-demo-2026';
const DEMO_ENTERPRISE_USCC = '91140902100079190P';

interface Service {
  id: string;
  policyId: string;
  status: string;
  type: string;
  deep: boolean;
  enterprise: { uscc: string; industry: string };
  provider: { kind: string; orgId?: string };
  expertIds: string[];
  hazardIds: string[];
  evidence: { kind: string; sha256: string }[];
  record?: { performedAt: string; performedOn: string };
  deadlines?: { followUp: { dueOn: string }; archive: { dueOn: string } };
  followUp?: { late: boolean };
  confirmations: { insurer?: unknown; enterprise?: { onSite?: unknown } };
  reviewFlags: { code: string }[];
  archive?: { archiveId: string; late: boolean };
}
interface Hazard {
  id: string;
  grade: string;
  status: string;
  notice: { addressedTo: string };
}

const SEED_CSV = join(import.meta.dirname, '..', '..', 'infra', 'local', 'seed', 'enterprises-xinzhou-5000.csv');
const DEMO_COUNTIES = new Set(['140902', '140981', '140925']);
const MANDATORY = new Set(['COAL_MINE', 'NON_COAL_MINE', 'HAZCHEM', 'METAL_SMELTING', 'FIREWORKS']);

function demoRegisterRows(): Buffer {
  const [header, ...rows] = readFileSync(SEED_CSV, 'utf8').trim().split('\n');
  const kept = rows.filter((line) => {
    const [, , industry, county] = line.split(',');
    return DEMO_COUNTIES.has(county ?? '') && MANDATORY.has(industry ?? '');
  });
  return Buffer.from(`${[header, ...kept].join('\n')}\n`, 'utf8');
}

let test: TestPlatform;
let picc: ApiClient;
let seededAt: Date;
let services: Service[];

const byStatus = (status: string) => services.filter((service) => service.status === status);
const only = (status: string): Service => {
  const found = byStatus(status);
  expect(found, status).toHaveLength(1);
  return found[0] as Service;
};

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);
  seededAt = new Date();
  // The whole business demo, as `npm start` runs it: the services are seeded from its call site. The register is
  // cut to the rows the demo insures (mandatory industries of its three counties, in file order, so the same
  // policies are issued): importing all 5,000 rows alongside the rest of the suite can outlast the 29 s timeout.
  expect(await seedDemoBusiness(test.url, store, seededAt, demoRegisterRows())).toBe(true);
  picc = await test.signIn('picc-staff', DEMO);
  services = expectOk(await picc.get<{ items: Service[] }>('/services?limit=100')).items;
}, 180_000);
afterAll(async () => test?.stop());

describe('demo prevention services on first start (infra/local/demo-services.ts)', () => {
  it('SVC-9 makes one service in each state the console shows, none performed in the future', () => {
    // Two FOLLOWED_UP: the overdue archive and the one awaiting the enterprise's confirmation (issue 16).
    expect(services.map((service) => service.status).sort()).toEqual(['ARCHIVED', 'COMPLETED', 'CONFIRMED', 'FOLLOWED_UP', 'FOLLOWED_UP', 'SCHEDULED']);
    for (const service of services) {
      if (service.record) expect(Date.parse(service.record.performedAt)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('SVC-13 flags only the on-site signature of the enterprise without an account: evidence in time and placed, signatures after the record', () => {
    expect(services.flatMap((service) => service.reviewFlags.map((flag) => `${service.status}: ${flag.code}`))).toEqual([
      'CONFIRMED: ENTERPRISE_SIGNED_ON_INSURER_DEVICE',
    ]);
  });

  it("SVC-9 takes ent-demo's records to confirmed through ent-demo's own login, never the insurer's", () => {
    const ownSigned = services.filter((service) => service.enterprise.uscc === DEMO_ENTERPRISE_USCC && service.confirmations.enterprise !== undefined);
    expect(ownSigned.map((service) => service.status)).toEqual(['ARCHIVED']);
    for (const service of ownSigned) expect(service.confirmations.enterprise).not.toHaveProperty('onSite');
  });

  it("SVC-1 SVC-4 agrees a plan on ent-demo's coal-mine policy meeting the table, and SVC-2's first service is done", async () => {
    const archived = only('ARCHIVED');
    expect(archived.enterprise).toMatchObject({ uscc: DEMO_ENTERPRISE_USCC, industry: 'COAL_MINE' });
    const plan = expectOk(await picc.get<{ items: { type: string; deep: boolean; count: number }[] }>(`/policies/${archived.policyId}/service-plan`));
    const count = (type: string, deep?: boolean) =>
      plan.items.filter((item) => item.type === type && (deep === undefined || item.deep === deep)).reduce((sum, item) => sum + item.count, 0);
    expect(count('RISK_ASSESSMENT')).toBeGreaterThanOrEqual(2);
    expect(count('HAZARD_INSPECTION')).toBeGreaterThanOrEqual(2);
    expect(count('HAZARD_INSPECTION', true)).toBeGreaterThanOrEqual(1);
    const obligations = expectOk(
      await picc.get<{ basis: string; planMissing: boolean; requirements: { key: string; status: string }[] }>(`/policies/${archived.policyId}/obligations`),
    );
    expect(obligations).toMatchObject({ basis: 'TABLE', planMissing: false });
    expect(obligations.requirements.find((requirement) => requirement.key === 'FIRST_SERVICE')?.status).toBe('DONE');
  });

  it('SVC-10 SVC-7 archives a service with its uploaded photo intact and its GENERAL hazard verified', async () => {
    const archived = only('ARCHIVED');
    expect(archived.evidence).toEqual([expect.objectContaining({ kind: 'PHOTO', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(archived.archive?.late).toBe(false);
    const verification = expectOk(
      await picc.get<{ matches: boolean; attachments: { key: string; matches: boolean }[] }>(`/archives/${archived.archive?.archiveId}/verify`),
    );
    expect(verification.matches).toBe(true);
    // The service's photo, the hazard's notice and the enterprise's closure photo, each with its digest.
    expect(verification.attachments).toHaveLength(3);
    expect(verification.attachments.every((attachment) => attachment.matches)).toBe(true);
    expect(verification.attachments.filter((attachment) => attachment.key.includes('/uploads/')).map((attachment) => attachment.key.split('/').pop()).sort()).toEqual([
      'main-shaft-site.png',
      'sand-box-rectified.png',
    ]);
    const hazards = expectOk(await picc.get<{ items: Hazard[] }>(`/hazards?serviceId=${archived.id}`)).items;
    expect(hazards.map((hazard) => [hazard.grade, hazard.status])).toEqual([['GENERAL', 'VERIFIED']]);
  });

  it('SVC-7 completes an inspection with a MAJOR hazard noticed to the principal and a GENERAL one, open', async () => {
    const completed = only('COMPLETED');
    expect(completed.enterprise.uscc).toBe(DEMO_ENTERPRISE_USCC);
    const hazards = expectOk(await picc.get<{ items: Hazard[] }>(`/hazards?serviceId=${completed.id}`)).items;
    expect(hazards.map((hazard) => hazard.grade).sort()).toEqual(['GENERAL', 'MAJOR']);
    expect(hazards.find((hazard) => hazard.grade === 'MAJOR')?.notice.addressedTo).toBe('赵矿长');
    expect(hazards.every((hazard) => hazard.status === 'OPEN')).toBe(true);
  });

  it('SVC-9 leaves a confirmed service, signed by both parties, ready to archive on another policy', () => {
    const confirmed = only('CONFIRMED');
    expect(confirmed.enterprise.uscc).not.toBe(DEMO_ENTERPRISE_USCC);
    expect(confirmed.confirmations).toEqual({ insurer: expect.anything(), enterprise: expect.objectContaining({ onSite: { location: expect.anything() } }) });
    expect(confirmed.archive).toBeUndefined();
  });

  it('SVC-5 SVC-6 schedules a deep inspection by a registered organisation and pool experts, awaiting ent-demo', async () => {
    const scheduled = only('SCHEDULED');
    expect(scheduled).toMatchObject({ type: 'HAZARD_INSPECTION', deep: true, provider: { kind: 'THIRD_PARTY' } });
    expect(scheduled.expertIds).toHaveLength(2);
    const enterprise = await test.signIn('ent-demo', DEMO);
    const mine = expectOk(await enterprise.get<{ items: Service[] }>('/me/services?limit=100')).items;
    expect(mine.find((service) => service.id === scheduled.id)?.status).toBe('SCHEDULED');
    expect(mine.map((service) => service.status).sort()).toEqual(['ARCHIVED', 'COMPLETED', 'SCHEDULED']);
  });

  it('SVC-8 SVC-9 shows a service performed 25 working days ago on the due list with its archive overdue', async () => {
    const today = shanghaiDateOf(seededAt);
    const performedOn = WorkingDayCalendar.builtin().addWorkingDays(today, -25).date;
    const overdue = byStatus('FOLLOWED_UP').find((service) => service.record?.performedOn === performedOn) as Service;
    expect(overdue).toBeDefined();
    expect(overdue.followUp?.late).toBe(true);
    expect((overdue.deadlines?.archive.dueOn ?? today) < today).toBe(true);
    const due = expectOk(await picc.get<{ items: Service[] }>(`/services?dueBefore=${today}&limit=100`)).items;
    expect(due.map((service) => service.id)).toContain(overdue.id);
    // The services of today's policies are not due yet.
    expect(due.map((service) => service.id)).not.toContain(only('COMPLETED').id);
    expect(expectOk(await picc.get<{ items: Service[] }>(`/services?dueBefore=${addDays(today, 60)}&limit=100`)).items.length).toBeGreaterThan(1);
  });

  it('a second run adds nothing: the services seeding answers false and the list is unchanged', async () => {
    expect(await seedDemoServices(test.url, new Date())).toBe(false);
    const again = expectOk(await picc.get<{ items: Service[] }>('/services?limit=100')).items;
    expect(again.map((service) => service.id).sort()).toEqual(services.map((service) => service.id).sort());
  });
});

describe('the demo site photo', () => {
  it('SVC-13 is a well-formed PNG (signature, chunk CRCs, 96×64 RGB pixels), different per hue', () => {
    const png = demoPhoto(200);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks: { type: string; data: Buffer }[] = [];
    for (let offset = 8; offset < png.length; ) {
      const length = png.readUInt32BE(offset);
      const typed = png.subarray(offset + 4, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typed));
      chunks.push({ type: typed.subarray(0, 4).toString('ascii'), data: typed.subarray(4) });
      offset += 12 + length;
    }
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]?.data as Buffer;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([96, 64, 8, 2]);
    expect(inflateSync(chunks[1]?.data as Buffer).length).toBe(64 * (1 + 96 * 3));
    expect(demoPhoto(60).equals(png)).toBe(false);
  });
});

interface RunAnswer {
  date: string;
  raised: { step: string; kind: string; count: number }[];
  overdueComplaints: number;
}
interface Reminder {
  step: string;
  subjectId: string;
  audience: string[];
  dueOn: string;
}

describe('the daily run on the demo (issue 16)', () => {
  it("issue 16 (SVC-9, CMP-2, SVC-2, SVC-4): POST /platform/daily-run for the demo's day reminds of the overdue archive, the service awaiting the enterprise and the open complaint, each once, besides the demo's policies' plans and first service; a second run raises none", async () => {
    const today = shanghaiDateOf(seededAt);
    const calendar = WorkingDayCalendar.builtin();
    const performed = (workingDaysAgo: number) => byStatus('FOLLOWED_UP').find((service) => service.record?.performedOn === calendar.addWorkingDays(today, -workingDaysAgo).date) as Service;
    const overdueArchive = performed(25);
    const awaitingEnterprise = performed(18);
    const complaints = expectOk(await picc.get<{ items: { id: string; channel: string; deadlines: { binding: { dueOn: string } } }[] }>('/complaints?limit=100')).items;
    const openComplaint = complaints.find((complaint) => complaint.channel === 'PHONE') as (typeof complaints)[number];
    // The demo's hazards are due in 10 and 30 calendar days: within the 3-working-day lead only when holidays fall
    // in between (around National Day, the Spring Festival), and then rightly reminded too.
    const hazards = expectOk(await picc.get<{ items: { id: string; status: string; rectifyBy: string; rectification?: { dueOn: string } }[] }>('/hazards?limit=100')).items;
    const horizon = calendar.addWorkingDays(today, 3).date;
    const hazardsDue = hazards.filter((hazard) => hazard.status !== 'VERIFIED' && (hazard.rectification?.dueOn ?? hazard.rectifyBy) <= horizon);

    // Received 8 working days ago: due in 2 by the working-day clock, but the NFRA's 15 calendar days can bind
    // sooner — even be past — when a holiday fell in those 8 working days (CMP-8).
    const complaintKind = openComplaint.deadlines.binding.dueOn < today ? 'overdue' : 'due';

    const operator = await test.operator();
    const first = await operator.request<RunAnswer>('POST', '/platform/daily-run', { date: today });
    expect(first.status).toBe(200);
    const count = (step: string, kind: string) => first.body.raised.find((row) => row.step === step && row.kind === kind)?.count ?? 0;
    expect([count('SVC-9', 'due'), count('SVC-9', 'overdue'), count('CMP-2', complaintKind), count('SVC-7', 'due')]).toEqual([1, 1, 1, hazardsDue.length]);
    // SVC-2, SVC-4: the demo's policies start today, most without a plan yet (due today); the back-dated one, three
    // months old, has no archived service (overdue). Nothing else is due on the demo's day — but for the half-year
    // policy (issue 18), begun early in January: its plan and first service fell due months ago, past the run's
    // 31-day overdue window, and its year's obligations (SVC-11) fall due on its last day, in early January; a run
    // from the lead before it to 31 days after reminds of them, once.
    expect(first.body.raised.map((row) => row.step).filter((step) => !['SVC-9', 'CMP-2', 'SVC-7', 'SVC-4', 'SVC-2', 'SVC-11'].includes(step))).toEqual([]);
    expect(count('SVC-11', 'due') + count('SVC-11', 'overdue')).toBeLessThanOrEqual(1);
    expect(count('SVC-2', 'overdue')).toBe(1);

    const reminders = () =>
      test.platform.bus
        .recent()
        .filter((event) => event.type.startsWith('reminders.reminder.'))
        .map((event) => ({ kind: event.type.replace('reminders.reminder.', ''), ...(event.data as unknown as Reminder) }));
    const line = (reminder: Reminder & { kind: string }) => `${reminder.kind} ${reminder.step} ${reminder.subjectId} ${reminder.audience.join('+')}`;
    await expect
      .poll(() => reminders().filter((reminder) => ['SVC-9', 'CMP-2'].includes(reminder.step)).map(line).sort(), { timeout: 15_000 })
      .toEqual(
        [
          `due SVC-9 ${awaitingEnterprise.id} INSURER+ENTERPRISE`,
          `overdue SVC-9 ${overdueArchive.id} INSURER+ENTERPRISE`,
          `${complaintKind} CMP-2 ${openComplaint.id} INSURER`,
        ].sort(),
      );
    await expect
      .poll(() => reminders().filter((reminder) => reminder.step === 'SVC-2').map(line), { timeout: 15_000 })
      .toEqual([`overdue SVC-2 ${overdueArchive.policyId} INSURER`]);
    // The three policies whose plans the demo agreed are not reminded of SVC-4.
    const planned = new Set(services.map((service) => service.policyId));
    expect(reminders().filter((reminder) => reminder.step === 'SVC-4' && planned.has(reminder.subjectId))).toEqual([]);

    const second = await operator.request<RunAnswer>('POST', '/platform/daily-run', { date: today });
    expect(second.body.raised).toEqual([]);
  });
});

describe('demo prevention fees (infra/local/demo-fees.ts, issue 15)', () => {
  it("FEE-1 FEE-2 FEE-3: 人保's fee year is not 0.00 元 — every issued policy's premium received (the last by half), accrued, and some spent on its services", async () => {
    const admin = await test.signIn('picc-admin', DEMO);
    const year = shanghaiDateOf(seededAt).slice(0, 4);
    const summary = expectOk(
      await admin.get<{ premiumExTaxFen: number; accruedFen: number; spentFen: number; balanceFen: number; outstandingAdvanceFen: number }>(`/fees/summary?year=${year}`),
    );
    expect(summary.premiumExTaxFen).toBeGreaterThan(0);
    expect(summary.accruedFen).toBeGreaterThan(0);
    expect(summary.spentFen).toBeGreaterThan(0);
    // FEE-2: spent within the balance, no advance.
    expect(summary.balanceFen).toBe(summary.accruedFen - summary.spentFen);
    expect(summary.outstandingAdvanceFen).toBe(0);

    const policies = expectOk(await admin.get<{ items: { id: string }[] }>('/policies?limit=100')).items;
    const ledger = expectOk(await admin.get<{ items: { kind: string; serviceId?: string; document?: { archiveId: string } }[] }>(`/fees/ledger?year=${year}&limit=100`)).items;
    // Issue 18: the half-year policy's receipt and expense are in its half's ledger — this year's from July on.
    const halfYearHere = lastCompleteFirstHalf(shanghaiDateOf(seededAt)).year === Number(year) ? 1 : 0;
    expect(ledger.filter((entry) => entry.kind === 'ACCRUAL')).toHaveLength(policies.length - 1 + halfYearHere);
    const expenses = ledger.filter((entry) => entry.kind === 'EXPENSE');
    expect(expenses.length).toBeGreaterThan(0);
    // The half-year's training-materials expense cites its invoice in the archive; every other pays for a service.
    for (const expense of expenses) if (!expense.document) expect(services.map((service) => service.id)).toContain(expense.serviceId);
    expect(expenses.filter((expense) => expense.document)).toHaveLength(halfYearHere);
    const outstanding = await Promise.all(
      policies.map(async (policy) => expectOk(await admin.get<{ outstandingFen: number }>(`/fees/premium-receipts?policyId=${policy.id}`)).outstandingFen),
    );
    expect(outstanding.filter((fen) => fen > 0)).toHaveLength(1);
  });
});

interface ReportFile {
  url: string;
  sha256: string;
  verified: boolean;
  fileName: string;
}

describe("the demo insurer's half-year report (issue 18, acceptance)", () => {
  it("RPT-1 RPT-4 FEE-4: 人保's last complete half-year report generates from the demo data as XLSX and PDF, its fee figures non-zero and equal to GET /fees/summary?half=H1 to the fen", async () => {
    const admin = await test.signIn('picc-admin', DEMO);
    const half = lastCompleteFirstHalf(shanghaiDateOf(seededAt));
    const started = performance.now();
    const generated = await admin.post<{
      report: { id: string; draft?: { figures: { period: { from: string; to: string }; underwriting: { policies: number }; fees: Record<string, number> } } };
    }>('/reports', { year: half.year, kind: 'HALF_YEAR' });
    // The acceptance asks for under 10 s locally; printed, not asserted (a loaded CI machine is not "locally").
    console.info(`issue 18: 人保's ${half.year} half-year report generated in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const figures = generated.body.report.draft?.figures;
    expect(figures?.period).toMatchObject({ from: half.from, to: half.to });
    expect(figures?.underwriting.policies).toBeGreaterThanOrEqual(1);
    for (const [format, magic] of [['xlsx', 'PK'], ['pdf', '%PDF-']] as const) {
      const link = expectOk(await admin.get<ReportFile>(`/reports/${generated.body.report.id}/files/${format}`));
      expect(link.verified).toBe(true);
      const bytes = Buffer.from(await (await fetch(link.url)).arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(link.sha256);
    }
    const summary = expectOk(
      await admin.get<{ premiumExTaxFen: number; accruedFen: number; spentFen: number; ratioBasisPoints: number | null }>(`/fees/summary?year=${half.year}&half=H1`),
    );
    const fees = figures?.fees ?? {};
    for (const figure of ['receivedExTaxFen', 'accruedFen', 'spentFen']) expect(fees[figure], figure).toBeGreaterThan(0);
    expect(fees).toMatchObject({
      receivedExTaxFen: summary.premiumExTaxFen,
      accruedFen: summary.accruedFen,
      spentFen: summary.spentFen,
      ratioBp: summary.ratioBasisPoints ?? 0,
    });
  });
});
