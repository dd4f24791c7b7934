import type { BusEvent } from '../../domain/kernel/event-publisher.port.js';
import type { InboxRepository } from '../../domain/notifications/inbox.repository.js';
import type { Mailer } from '../../domain/notifications/mail.port.js';
import { enterpriseOf, messagesOf } from '../../domain/notifications/messages.js';
import { DEFAULT_PREFERENCES, notificationIdOf, type Notification } from '../../domain/notifications/notification.js';
import type { EnterpriseNames, Recipients } from '../../domain/notifications/recipients.port.js';
import type { SmsSender } from '../../domain/notifications/sms.port.js';

/** What the notifications function works with: ports of domain/ only. */
export interface NotifyPorts {
  readonly recipients: Recipients;
  readonly names: EnterpriseNames;
  readonly inbox: InboxRepository;
  /** Undefined where no mail is configured: the inbox still gets everything. */
  readonly mail: Mailer | undefined;
  readonly sms: SmsSender;
  /** The console's origin, so an e-mail's link opens the item (`https://…/insurer/services/<id>`). */
  readonly consoleUrl: string;
  readonly log: (message: string, detail: Record<string, unknown>) => void;
}

export interface NotifyOutcome {
  readonly delivered: number;
  readonly mailed: number;
  readonly smsNotSent: number;
}

/** The mail of one notification: its title as the subject, the text with the link written out in full. */
export function mailOf(notification: Notification, consoleUrl: string): { subject: string; text: string } {
  return {
    subject: `【安责险平台】${notification.title}`,
    text: `${notification.body}\n\n查看详情：${consoleUrl}${notification.link}\n\n此邮件由忻州市安全生产责任保险服务平台自动发送，请勿回复。`,
  };
}

/**
 * Issue 16: every message an event makes lands in each recipient's inbox once — the notification's id comes from
 * the event's, so a redelivered event adds nothing and sends no second e-mail — unless the person turned that
 * kind off; then by e-mail (to the address the person gave) and SMS when chosen. A person in two audiences of one
 * event gets one notification.
 */
export async function notify(event: BusEvent, ports: NotifyPorts): Promise<NotifyOutcome> {
  const uscc = enterpriseOf(event);
  const enterpriseName = uscc ? await ports.names.nameOf(uscc) : undefined;
  const addressed = messagesOf(event, enterpriseName ? { enterpriseName } : {});
  const told = new Set<string>();
  let delivered = 0;
  let mailed = 0;
  let smsNotSent = 0;
  for (const { audience, draft } of addressed) {
    for (const recipient of await ports.recipients.of(audience)) {
      if (told.has(recipient.userId)) continue;
      told.add(recipient.userId);
      const owner = { org: recipient.org, userId: recipient.userId };
      const preferences = (await ports.inbox.preferences(owner)) ?? DEFAULT_PREFERENCES;
      if (!preferences.kinds.includes(draft.kind)) continue;
      const notification: Notification = { ...draft, id: notificationIdOf(event.time, event.id), createdAt: event.time };
      if (!(await ports.inbox.deliver(owner, notification))) continue;
      delivered += 1;
      if (preferences.channels.includes('EMAIL') && preferences.email) {
        if (ports.mail) {
          try {
            await ports.mail.send({ to: preferences.email, ...mailOf(notification, ports.consoleUrl) });
            mailed += 1;
          } catch (error) {
            // The inbox has it already; a mail that failed is logged, not retried into a second notification.
            ports.log('e-mail not sent', { userId: recipient.userId, eventId: event.id, error: String(error) });
          }
        } else {
          ports.log('e-mail not sent: no mailer configured', { userId: recipient.userId, eventId: event.id });
        }
      }
      if (preferences.channels.includes('SMS') && preferences.mobile) {
        const outcome = await ports.sms.send({ to: preferences.mobile, text: `【安责险平台】${notification.body}` });
        if (!outcome.sent) {
          smsNotSent += 1;
          ports.log(`SMS ${outcome.reason}`, { userId: recipient.userId, eventId: event.id });
        }
      }
    }
  }
  return { delivered, mailed, smsNotSent };
}
