/**
 * Sends one e-mail. Amazon SES v2 on AWS (functions/adapters/ses/), a folder of .eml files locally (the mail
 * sink), so the local demo shows what would have been sent.
 */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
