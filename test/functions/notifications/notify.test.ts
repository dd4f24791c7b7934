import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../domain/kernel/event-publisher.port.js';
import type { Audience } from '../../../domain/notifications/audience.js';
import type { InboxOwner, InboxRepository } from '../../../domain/notifications/inbox.repository.js';
import type { MailMessage } from '../../../domain/notifications/mail.port.js';
import { MESSAGE_RULES, messagesOf, reminderLinkFor } from '../../../domain/notifications/messages.js';
import { normalisedPreferences, type Notification, type NotificationPreferences, type Recipient } from '../../../domain/notifications/notification.js';
import { SUBSCRIPTIONS } from '../../../functions/events/subscriptions.js';
import { NoSmsProvider } from '../../../functions/notifications/no-sms-provider.js';
import { notify } from '../../../functions/notifications/notify.js';

const event = (type: string, data: Record<string, unknown>, tenantId?: string): BusEvent => ({
  id: '01eventid000000000000000000',
  type,
  version: 1,
  source: 'anze',
  time: '2026-12-07T00:00:00.000Z',
  ...(tenantId ? { tenantId } : {}),
  aggregate: { type: 'x', id: 'x' },
  sequence: 1,
  data,
});

const overdueArchive = event(
  'reminders.reminder.overdue',
  { step: 'SVC-9', subject: 'service', subjectId: 's1', title: '兴源化工 隐患排查', dueOn: '2026-12-04', audience: ['INSURER', 'ENTERPRISE'], enterpriseUscc: '91140902100079190P', link: '/insurer/services/s1', runOn: '2026-12-07' },
  't1',
);

/** An in-memory inbox: enough to see what notify() decides, the DynamoDB adapter has its integration test. */
class MemoryInbox implements Pick<InboxRepository, 'deliver' | 'preferences'> {
  readonly items = new Map<string, Notification>();
  constructor(private readonly prefs: Record<string, NotificationPreferences> = {}) {}
  async deliver(owner: InboxOwner, notification: Notification) {
    const key = `${owner.userId}/${notification.id}`;
    if (this.items.has(key)) return false;
    this.items.set(key, notification);
    return true;
  }
  async preferences(owner: InboxOwner) {
    return this.prefs[owner.userId];
  }
}

const people: Record<string, Recipient[]> = {
  insurer: [{ userId: 'staff', org: { kind: 'tenant', tenantId: 't1' }, displayName: '员工' }],
  enterprise: [{ userId: 'ent', org: { kind: 'enterprise', uscc: '91140902100079190P' }, displayName: '企业' }],
};

function ports(inbox: MemoryInbox) {
  const mails: MailMessage[] = [];
  const sms = new NoSmsProvider();
  const logs: string[] = [];
  return {
    mails,
    sms,
    logs,
    ports: {
      recipients: { of: async (audience: Audience) => people[audience.kind] ?? [] },
      names: { nameOf: async () => undefined },
      inbox: inbox as unknown as InboxRepository,
      mail: { send: async (message: MailMessage) => void mails.push(message) },
      sms,
      consoleUrl: 'https://anze.example.cn',
      log: (message: string) => void logs.push(message),
    },
  };
}

describe('issue 16: the message rules', () => {
  it('answer exactly the events the notifications row of the subscription table routes to them', () => {
    const row = SUBSCRIPTIONS.find((subscription) => subscription.target === 'notifications');
    expect([...(row?.events ?? [])].sort()).toEqual(Object.keys(MESSAGE_RULES).sort());
  });

  it('SVC-9 an overdue archive: Chinese text with the item, its due date and each side’s link; no rule id', () => {
    const messages = messagesOf(overdueArchive);
    expect(messages.map((message) => message.audience)).toEqual([{ kind: 'insurer', tenantId: 't1' }, { kind: 'enterprise', uscc: '91140902100079190P' }]);
    expect(messages[0]?.draft).toEqual({
      kind: 'REMINDER_OVERDUE',
      title: '逾期提醒：兴源化工 隐患排查',
      body: '兴源化工 隐患排查：服务记录确认归档已于2026-12-04到期，尚未完成，请尽快办理。',
      link: '/insurer/services/s1',
      dueOn: '2026-12-04',
    });
    expect(messages[1]?.draft.link).toBe('/my/services');
  });

  it('a year-wide reminder without a tenant goes to every insurer; a regulator’s link stays on the regulator side', () => {
    const filing = event('reminders.reminder.due', { step: 'QUAL-6', subject: 'year', subjectId: '2027-QUAL-6', title: '2027年度资质材料', dueOn: '2027-06-15', audience: ['INSURER'], link: '/insurer/qualification', runOn: '2027-06-08' });
    expect(messagesOf(filing).map((message) => message.audience)).toEqual([{ kind: 'every-insurer' }]);
    expect(reminderLinkFor('regulator', { step: 'SVC-7', subject: 'hazard', subjectId: 'h1', title: 't', dueOn: '2026-12-04', audience: ['REGULATOR'], link: '/insurer/hazards', runOn: '2026-12-07' }, 't1')).toBe('/regulator/hazards');
  });

  it('SUP-1 a 督办 notice issued goes to the insurer with its due date; SUP-3 its answer to the issuing county EMB (ACL-4)', () => {
    const notice = { noticeId: 'n1', tenantId: 't1', insurerName: '人保财险忻州分公司', subject: { kind: 'SERVICE', id: 's1', label: '兴源化工 隐患排查' }, dueOn: '2026-12-18', agency: 'EMB_COUNTY', county: '140902', status: 'ISSUED' };
    const [issued] = messagesOf(event('supervision.notice.issued', notice, 't1'));
    expect(issued?.audience).toEqual({ kind: 'insurer', tenantId: 't1' });
    expect(issued?.draft).toMatchObject({ kind: 'SUPERVISION', title: '督办通知：兴源化工 隐患排查', link: '/insurer/notices', dueOn: '2026-12-18' });
    const [answered] = messagesOf(event('supervision.notice.answered', { ...notice, status: 'ANSWERED' }, 't1'));
    expect(answered?.audience).toEqual({ kind: 'agency', regulatorId: 'emb-county-140902' });
    expect(answered?.draft.link).toBe('/regulator/notices');
  });

  it('a malformed payload makes no message rather than a wrong one', () => {
    expect(messagesOf(event('reminders.reminder.due', { step: 'NOPE' }))).toEqual([]);
    expect(messagesOf(event('services.service.cancelled', {}))).toEqual([]);
  });

  it('preferences keep IN_APP whatever is sent and drop repeats', () => {
    expect(normalisedPreferences({ kinds: ['COMPLAINT', 'COMPLAINT'], channels: ['SMS'], email: ' ' })).toEqual({ kinds: ['COMPLAINT'], channels: ['IN_APP', 'SMS'] });
  });
});

describe('issue 16: notify', () => {
  it('delivers once per event and person; a redelivery adds nothing and mails nothing twice', async () => {
    const inbox = new MemoryInbox({ staff: { kinds: ['REMINDER_OVERDUE'], channels: ['IN_APP', 'EMAIL'], email: 'staff@example.cn' } });
    const setup = ports(inbox);
    expect(await notify(overdueArchive, setup.ports)).toEqual({ delivered: 2, mailed: 1, smsNotSent: 0 });
    expect(await notify(overdueArchive, setup.ports)).toEqual({ delivered: 0, mailed: 0, smsNotSent: 0 });
    expect(setup.mails).toHaveLength(1);
    expect(setup.mails[0]?.text).toContain('https://anze.example.cn/insurer/services/s1');
  });

  it('SMS chosen with a number: not sent — no provider is wired — and recorded as such', async () => {
    const inbox = new MemoryInbox({ ent: { kinds: ['REMINDER_OVERDUE'], channels: ['IN_APP', 'SMS'], mobile: '13800000000' } });
    const setup = ports(inbox);
    expect(await notify(overdueArchive, setup.ports)).toMatchObject({ delivered: 2, smsNotSent: 1 });
    expect(setup.sms.notSent).toEqual([{ to: '13800000000', text: '【安责险平台】兴源化工 隐患排查：服务记录确认归档已于2026-12-04到期，尚未完成，请尽快办理。' }]);
    expect(setup.logs).toContain('SMS not sent: no provider');
  });

  it('a kind turned off is not delivered; e-mail on without an address sends nothing', async () => {
    const inbox = new MemoryInbox({ staff: { kinds: ['COMPLAINT'], channels: ['IN_APP', 'EMAIL'], email: 'staff@example.cn' } });
    const setup = ports(inbox);
    expect(await notify(overdueArchive, setup.ports)).toEqual({ delivered: 1, mailed: 0, smsNotSent: 0 });
    expect([...inbox.items.keys()]).toEqual(['ent/20261207000000000-01eventid000000000000000000']);
  });
});
