import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage, Mailer } from '../../../domain/notifications/mail.port.js';

/** RFC 2047: a header with Chinese in it, as base64 UTF-8 (mail readers show it decoded). */
const encodedWord = (text: string): string => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/**
 * The local twin of SES (issue 16): each message becomes one `.eml` file in a folder (`npm start` prints it,
 * `.anze/mail/` by default), readable with any mail program or `cat`. Nothing leaves the machine.
 */
export class LocalMailSink implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly from = 'anze@localhost',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const at = this.now();
    const name = `${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    const eml = [
      `From: ${this.from}`,
      `To: ${message.to}`,
      `Subject: ${encodedWord(message.subject)}`,
      `Date: ${at.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      message.text,
      '',
    ].join('\r\n');
    await writeFile(join(this.folder, name), eml, 'utf8');
  }
}
