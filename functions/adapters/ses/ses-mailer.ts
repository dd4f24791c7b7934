import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailMessage, Mailer } from '../../../domain/notifications/mail.port.js';

/**
 * Issue 16: e-mail through Amazon SES v2 (`SendEmail`, a simple UTF-8 text message from the platform's verified
 * sender `ANZE_MAIL_FROM`). The only module that imports the SES client.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly from: string,
    private readonly client: SESv2Client = new SESv2Client({}),
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
