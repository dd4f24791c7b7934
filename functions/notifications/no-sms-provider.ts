import type { SmsMessage, SmsOutcome, SmsSender } from '../../domain/notifications/sms.port.js';

/**
 * Issue 16: no SMS provider is wired. A person who chose SMS gets the inbox (and e-mail) as usual; each SMS that
 * would have gone out is recorded here as "not sent: no provider", so the gap is visible in the logs and tests.
 */
export class NoSmsProvider implements SmsSender {
  readonly notSent: SmsMessage[] = [];

  async send(message: SmsMessage): Promise<SmsOutcome> {
    this.notSent.push(message);
    return { sent: false, reason: 'not sent: no provider' };
  }
}
