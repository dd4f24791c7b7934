import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../domain/kernel/event-publisher.port.js';
import { messagesOf } from '../../../domain/notifications/messages.js';
import { createUser } from '../../../domain/platform/user.rules.js';
import type { User } from '../../../domain/platform/user.js';
import { webhookEvents } from '../../../domain/webhooks/events.js';
import { PlatformRecipients } from '../../../functions/adapters/dynamodb/notifications-recipients.js';

const disabled = (data: Record<string, unknown>, tenantId?: string): BusEvent => ({
  id: 'e1',
  type: webhookEvents.subscriptionDisabled.name,
  version: 1,
  source: 'anze',
  time: '2026-12-06T02:00:00.000Z',
  ...(tenantId ? { tenantId } : {}),
  aggregate: { type: 'webhook-subscription', id: 's1' },
  sequence: 2,
  data: { subscriptionId: 's1', url: 'https://hooks.example.cn/anze', ...data },
});

describe('issue 17: a webhook endpoint the platform disabled tells its owner', () => {
  it('an insurer’s endpoint answering 410: its admins only (who alone open 事件订阅), in Chinese, linking there', () => {
    const messages = messagesOf(disabled({ reason: 'the endpoint answered 410 Gone' }, 't1'));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.audience).toEqual({ kind: 'insurer', tenantId: 't1', adminsOnly: true });
    expect(messages[0]?.draft).toMatchObject({ kind: 'WEBHOOK', title: '事件订阅已被停用', link: '/insurer/webhooks' });
    expect(messages[0]?.draft.body).toContain('410');
    expect(messages[0]?.draft.body).toContain('https://hooks.example.cn/anze');
  });

  it('ACL-4 a county EMB’s endpoint failing for 5 days: that county EMB’s users, not the city’s', () => {
    const messages = messagesOf(disabled({ reason: 'every attempt failed since 2026-12-01T00:00:00.000Z', agency: 'EMB_COUNTY', county: '140902' }));
    expect(messages.map((message) => message.audience)).toEqual([{ kind: 'agency', regulatorId: 'emb-county-140902' }]);
    expect(messages[0]?.draft.body).toContain('连续 5 天投递失败');
    expect(messages[0]?.draft.link).toBe('/regulator/webhooks');
    // One raised before the event carried the county tells nobody rather than failing the notifications function.
    expect(messagesOf(disabled({ reason: 'every attempt failed since 2026-12-01T00:00:00.000Z', agency: 'EMB_COUNTY' }))).toEqual([]);
  });

  it('an admins-only audience resolves to the tenant’s enabled admins, not its staff', async () => {
    const now = new Date('2026-12-06T02:00:00Z');
    const user = (id: string, role: 'insurer-admin' | 'insurer-staff', disabledUser = false): User => {
      const made = createUser({ id, username: id, displayName: id, role, tenantId: 't1' }, now).state;
      return disabledUser ? { ...made, disabled: true } : made;
    };
    const users = [user('admin-1', 'insurer-admin'), user('staff-1', 'insurer-staff'), user('admin-2', 'insurer-admin', true)];
    const recipients = new PlatformRecipients({
      listUsers: async () => ({ items: users }),
      listTenants: async () => ({ items: [] }),
    });
    expect((await recipients.of({ kind: 'insurer', tenantId: 't1', adminsOnly: true })).map((r) => r.userId)).toEqual(['admin-1']);
    expect((await recipients.of({ kind: 'insurer', tenantId: 't1' })).map((r) => r.userId)).toEqual(['admin-1', 'staff-1']);
  });
});
