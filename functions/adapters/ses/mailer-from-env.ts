import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../../domain/notifications/mail.port.js';
import { LocalMailSink } from './local-mail-sink.js';
import { SesMailer } from './ses-mailer.js';

/**
 * The mailer of this runtime: the local mail sink when `ANZE_MAIL_SINK_DIR` is set (the local runtime), SES v2
 * when `ANZE_MAIL_FROM` names the verified sender (AWS), and otherwise none — e-mail is then not sent, which the
 * caller logs.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | undefined {
  if (env.ANZE_MAIL_SINK_DIR) return new LocalMailSink(env.ANZE_MAIL_SINK_DIR);
  if (env.ANZE_MAIL_FROM) return new SesMailer(env.ANZE_MAIL_FROM, new SESv2Client(env.ANZE_MAIL_REGION ? { region: env.ANZE_MAIL_REGION } : {}));
  return undefined;
}
