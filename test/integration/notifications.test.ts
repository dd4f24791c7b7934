import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import type { ReminderPayload } from '../../domain/reminders/events.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * Issue 16: the inbox. Reminders and events go onto the real local bus; the notifications function (the same
 * handler as on AWS) files them into the inboxes, which the callers read through the real gateway.
 */
const DEMO_PASSWORD = 'Anze-demo-2026';
const DEMO_USCC = '91140902100079190P';

interface Inbox {
  items: { id: string; kind: string; title: string; body: string; link: string; dueOn?: string; readAt?: string }[];
  unread: number;
  nextCursor?: string;
}

let test: TestPlatform;
const who: Record<string, { client: ApiClient; tenantId?: string; userId: string }> = {};
let eventNumber = 0;

async function signIn(username: string, password = DEMO_PASSWORD) {
  // Issue 21: regulators with an authenticator enrolled.
  const response = await signInWithTotp(test.url, username, password);
  expect(response.status, username).toBe(200);
  const user = response.body.user as { id: string; tenantId?: string };
  who[username] = { client: test.anonymous.withToken(response.body.accessToken as string), userId: user.id, tenantId: user.tenantId };
}

const inboxOf = async (username: string): Promise<Inbox> => {
  const response = await (who[username]?.client as ApiClient).get<Inbox>('/me/notifications?limit=100');
  expect(response.status).toBe(200);
  return response.body;
};

function reminder(type: 'reminders.reminder.due' | 'reminders.reminder.overdue', data: Partial<ReminderPayload>, tenantId?: string): BusEvent {
  eventNumber += 1;
  return {
    id: `01test${String(eventNumber).padStart(20, '0')}`,
    type,
    version: 1,
    source: 'anze',
    // Newest first is by the event's time: each test event a little later than the one before.
    time: new Date(Date.now() + eventNumber).toISOString(),
    ...(tenantId ? { tenantId } : {}),
    aggregate: { type: 'reminder', id: `r${eventNumber}` },
    sequence: 1,
    data: {
      step: 'SVC-9',
      subject: 'service',
      subjectId: `svc${eventNumber}`,
      title: '忻府忻达煤业有限责任公司 隐患排查',
      dueOn: '2026-12-04',
      audience: ['INSURER'],
      link: `/insurer/services/svc${eventNumber}`,
      runOn: '2026-12-07',
      ...data,
    },
  };
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  await signIn('operator', 'Operator-test-2026');
  for (const username of ['picc-admin', 'picc-staff', 'pingan-admin', 'emb-city', 'emb-xinfu', 'nfra-xinzhou', 'ent-demo']) await signIn(username);
  // The messages name the enterprise as the city EMB registered it (REG-1).
  const registered = await (who['emb-city']?.client as ApiClient).post('/regulator/enterprises', {
    uscc: DEMO_USCC,
    name: '忻府忻达煤业有限责任公司',
    industry: 'COAL_MINE',
    county: '140902',
    staff: 120,
    revenueWan: 900,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
});
afterAll(async () => test?.stop());

describe('issue 16: recipients by audience', () => {
  it('SVC-9 an overdue archive reaches the insurer’s users, the enterprise’s, the city EMB, the NFRA and the county EMB of its county — nobody else', async () => {
    const picc = who['picc-admin']?.tenantId as string;
    const event = reminder('reminders.reminder.overdue', { audience: ['INSURER', 'ENTERPRISE', 'REGULATOR'], enterpriseUscc: DEMO_USCC, county: '140902' }, picc);
    await test.platform.bus.publish([event]);
    for (const username of ['picc-admin', 'picc-staff', 'ent-demo', 'emb-city', 'nfra-xinzhou', 'emb-xinfu']) {
      const inbox = await inboxOf(username);
      expect(inbox.items, username).toHaveLength(1);
      expect(inbox.unread, username).toBe(1);
      const [item] = inbox.items;
      expect(item?.kind).toBe('REMINDER_OVERDUE');
      expect(item?.title).toContain('忻府忻达煤业有限责任公司');
      expect(item?.body).toContain('2026-12-04');
      expect(item?.body).not.toMatch(/SVC-\d/);
    }
    // Each side of the console opens the item where it can.
    expect((await inboxOf('picc-staff')).items[0]?.link).toBe(event.data.link);
    expect((await inboxOf('ent-demo')).items[0]?.link).toBe('/my/services');
    expect((await inboxOf('emb-city')).items[0]?.link).toBe(`/regulator/insurers/${picc}/services/${String(event.data.subjectId)}`);
    for (const username of ['pingan-admin', 'operator']) expect((await inboxOf(username)).items, username).toEqual([]);
  });

  it('ACL-4 a regulator reminder of another county skips the 忻府区 EMB but reaches the city EMB and the NFRA; CAL-2 reaches the operator', async () => {
    await test.platform.bus.publish([reminder('reminders.reminder.due', { step: 'RPT-3', subject: 'year', subjectId: '2027-RPT-3', title: '2026年度考核评估', audience: ['REGULATOR'], county: '140981', link: '/regulator/insurers' })]);
    expect((await inboxOf('emb-xinfu')).items).toHaveLength(1);
    expect((await inboxOf('emb-city')).items).toHaveLength(2);
    expect((await inboxOf('nfra-xinzhou')).items[0]?.title).toBe('到期提醒：2026年度考核评估');
    await test.platform.bus.publish([reminder('reminders.reminder.due', { step: 'CAL-2', subject: 'year', subjectId: '2027-CAL-2', title: '2027年节假日安排', audience: ['OPERATOR'], link: '/platform/calendar' })]);
    const operator = await inboxOf('operator');
    expect(operator.items.map((item) => item.link)).toEqual(['/platform/calendar']);
    expect(operator.items[0]?.body).toContain('下一年度节假日安排录入');
  });

  it('CMP-1 a complaint received reaches its insurer’s users with its reply date and a link to it — not the other insurer’s', async () => {
    const before = (await inboxOf('picc-staff')).unread;
    const complaint = await (who['picc-admin']?.client as ApiClient).post<{ id: string; deadlines: { binding: { dueOn: string } } }>('/complaints', {
      enterpriseUscc: DEMO_USCC,
      receivedAt: new Date().toISOString(),
      channel: 'PHONE',
      request: '通知测试：服务人员未按约定时间到场',
    });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    await expect.poll(async () => (await inboxOf('picc-staff')).unread, { timeout: 15_000 }).toBe(before + 1);
    const [item] = (await inboxOf('picc-staff')).items;
    expect(item?.kind).toBe('COMPLAINT');
    expect(item?.link).toBe(`/insurer/complaints/${complaint.body.id}`);
    expect(item?.dueOn).toBe(complaint.body.deadlines.binding.dueOn);
    expect(item?.title).toContain('忻府忻达煤业有限责任公司');
    expect((await inboxOf('pingan-admin')).items).toEqual([]);
  });

  it('SVC-5 a scheduled service awaiting the enterprise’s agreement reaches the enterprise’s users', async () => {
    const picc = who['picc-admin']?.tenantId as string;
    eventNumber += 1;
    await test.platform.bus.publish([
      {
        id: `01svc${String(eventNumber).padStart(21, '0')}`,
        type: 'services.service.scheduled',
        version: 1,
        source: 'anze',
        time: new Date().toISOString(),
        tenantId: picc,
        aggregate: { type: 'service', id: 'svc-scheduled' },
        sequence: 1,
        data: { serviceId: 'svc-scheduled', policyId: 'p1', enterpriseUscc: DEMO_USCC, county: '140902', type: 'EMERGENCY_DRILL', deep: false, status: 'SCHEDULED', scheduledOn: '2026-12-20' },
      },
    ]);
    const [item] = (await inboxOf('ent-demo')).items;
    expect(item?.kind).toBe('SERVICE');
    expect(item?.title).toBe('服务待确认：忻府忻达煤业有限责任公司应急演练服务');
    expect(item?.dueOn).toBe('2026-12-20');
  });
});

describe('issue 16: idempotent, isolated, marked read', () => {
  it('a redelivered event adds nothing (idempotent per event and recipient)', async () => {
    const event = reminder('reminders.reminder.due', { step: 'SVC-8', title: '重复投递测试' }, who['picc-admin']?.tenantId);
    await test.platform.bus.publish([event]);
    const once = await inboxOf('picc-admin');
    await test.platform.bus.publish([event]);
    await test.platform.bus.publish([event]);
    const thrice = await inboxOf('picc-admin');
    expect(thrice.unread).toBe(once.unread);
    expect(thrice.items.filter((item) => item.title.includes('重复投递测试'))).toHaveLength(1);
  });

  it('nobody reads or marks another person’s notification: other tenant, regulator, enterprise, operator answer 404; a colleague marks only its own copy', async () => {
    // The complaint's notification went to PICC's users only.
    const own = (await inboxOf('picc-admin')).items.find((item) => item.kind === 'COMPLAINT');
    expect(own).toBeDefined();
    const colleague = await (who['picc-staff']?.client as ApiClient).post<{ readAt?: string }>(`/me/notifications/${own?.id}/read`, {});
    expect(colleague.status).toBe(200);
    for (const username of ['pingan-admin', 'emb-city', 'ent-demo', 'operator']) {
      const foreign = await (who[username]?.client as ApiClient).post<{ error: { code: string } }>(`/me/notifications/${own?.id}/read`, {});
      const missing = await (who[username]?.client as ApiClient).post<{ error: { code: string } }>('/me/notifications/20260101000000000-01missing/read', {});
      expect(foreign.status, username).toBe(404);
      expect(foreign.body).toEqual(missing.body);
    }
    expect((await inboxOf('picc-admin')).items.find((item) => item.id === own?.id)?.readAt).toBeUndefined();
  });

  it('marking one read lowers the count once; read-all clears it; a new one counts again', async () => {
    const start = await inboxOf('picc-staff');
    const first = start.items.find((item) => item.readAt === undefined);
    const read = await (who['picc-staff']?.client as ApiClient).post<{ readAt?: string }>(`/me/notifications/${first?.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeDefined();
    await (who['picc-staff']?.client as ApiClient).post(`/me/notifications/${first?.id}/read`, {});
    expect((await inboxOf('picc-staff')).unread).toBe(start.unread - 1);
    const all = await (who['picc-staff']?.client as ApiClient).post<{ marked: number; unread: number }>('/me/notifications/read-all', {});
    expect(all.body).toEqual({ marked: start.unread - 1, unread: 0 });
    expect((await inboxOf('picc-staff')).items.every((item) => item.readAt !== undefined)).toBe(true);
    await test.platform.bus.publish([reminder('reminders.reminder.due', { title: '已读之后的新提醒' }, who['picc-admin']?.tenantId)]);
    expect((await inboxOf('picc-staff')).unread).toBe(1);
  });
});

describe('issue 16: preferences and channels', () => {
  const mails = () => (existsSync(test.platform.mailDir) ? readdirSync(test.platform.mailDir).filter((name) => name.endsWith('.eml')) : []);

  it('refuses a malformed address or an unknown kind with 400 naming the field', async () => {
    const client = who['emb-city']?.client as ApiClient;
    const badMail = await client.request<{ error: { details: { field: string }[] } }>('PUT', '/me/notification-preferences', { kinds: [], channels: ['EMAIL'], email: 'not-an-address' });
    expect(badMail.status).toBe(400);
    expect(badMail.body.error.details.map((detail) => detail.field)).toContain('email');
    const badKind = await client.request('PUT', '/me/notification-preferences', { kinds: ['GOSSIP'], channels: [] });
    expect(badKind.status).toBe(400);
  });

  it('a kind turned off is not delivered; IN_APP stays on whatever is sent', async () => {
    const client = who['emb-city']?.client as ApiClient;
    const saved = await client.request<{ kinds: string[]; channels: string[] }>('PUT', '/me/notification-preferences', { kinds: ['REMINDER_OVERDUE', 'COMPLAINT', 'SERVICE', 'SUPERVISION'], channels: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.channels).toEqual(['IN_APP']);
    expect((await client.get<{ kinds: string[] }>('/me/notification-preferences')).body.kinds).not.toContain('REMINDER_DUE');
    const cityBefore = (await inboxOf('emb-city')).items.length;
    const nfraBefore = (await inboxOf('nfra-xinzhou')).items.length;
    await test.platform.bus.publish([reminder('reminders.reminder.due', { step: 'RPT-3', subject: 'year', subjectId: '2027-RPT-3b', title: '偏好测试', audience: ['REGULATOR'], link: '/regulator/insurers' })]);
    expect((await inboxOf('emb-city')).items).toHaveLength(cityBefore);
    expect((await inboxOf('nfra-xinzhou')).items).toHaveLength(nfraBefore + 1);
  });

  it('e-mail goes to the address a person gave — the local mail sink writes one .eml in Chinese with the link — and to nobody without one', async () => {
    const admin = who['picc-admin']?.client as ApiClient;
    expect((await admin.request('PUT', '/me/notification-preferences', { kinds: ['REMINDER_DUE', 'REMINDER_OVERDUE', 'COMPLAINT', 'SERVICE', 'SUPERVISION'], channels: ['IN_APP', 'EMAIL', 'SMS'], email: 'picc-admin@example.cn', mobile: '13800000000' })).status).toBe(200);
    const before = mails();
    const event = reminder('reminders.reminder.overdue', { title: '邮件测试企业 隐患排查', dueOn: '2026-12-01' }, who['picc-admin']?.tenantId);
    await test.platform.bus.publish([event]);
    await test.platform.bus.publish([event]);
    const added = mails().filter((name) => !before.includes(name));
    // picc-staff has e-mail on by default but gave no address: one message, picc-admin's, and only once.
    expect(added).toHaveLength(1);
    const eml = readFileSync(`${test.platform.mailDir}/${added[0]}`, 'utf8');
    expect(eml).toContain('To: picc-admin@example.cn');
    expect(eml).toContain(`Subject: =?UTF-8?B?${Buffer.from('【安责险平台】逾期提醒：邮件测试企业 隐患排查').toString('base64')}?=`);
    expect(eml).toContain('已于2026-12-01到期');
    expect(eml).toContain(`${test.url}${String(event.data.link)}`);
  });
});
