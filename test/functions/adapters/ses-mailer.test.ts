import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalMailSink } from '../../../functions/adapters/ses/local-mail-sink.js';
import { mailerFromEnv } from '../../../functions/adapters/ses/mailer-from-env.js';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer.js';

const ses = mockClient(SESv2Client);
const folder = mkdtempSync(join(tmpdir(), 'anze-mail-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('issue 16: notification e-mail', () => {
  beforeEach(() => ses.reset());

  it('SES v2 SendEmail: from the verified sender, to the one recipient, UTF-8 subject and text', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
    await new SesMailer('noreply@anze.example.cn', new SESv2Client({ region: 'cn-north-1' })).send({
      to: 'picc-admin@example.cn',
      subject: '【安责险平台】逾期提醒：忻府忻达煤业有限责任公司 隐患排查',
      text: '已于2026-12-04到期\n\n查看详情：https://anze.example.cn/insurer/services/s1',
    });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: 'noreply@anze.example.cn',
      Destination: { ToAddresses: ['picc-admin@example.cn'] },
      Content: {
        Simple: {
          Subject: { Data: '【安责险平台】逾期提醒：忻府忻达煤业有限责任公司 隐患排查', Charset: 'UTF-8' },
          Body: { Text: { Data: '已于2026-12-04到期\n\n查看详情：https://anze.example.cn/insurer/services/s1', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('an SES refusal is the caller’s to see (the notification is already in the inbox; notify logs it)', async () => {
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected: Email address is not verified'));
    await expect(new SesMailer('noreply@anze.example.cn', new SESv2Client({ region: 'cn-north-1' })).send({ to: 'x@example.cn', subject: 's', text: 't' })).rejects.toThrow('MessageRejected');
  });

  it('the local mail sink writes one .eml per message, its Chinese subject RFC 2047-encoded', async () => {
    await new LocalMailSink(folder, 'anze@localhost', () => new Date('2026-12-07T00:00:00Z')).send({ to: 'a@example.cn', subject: '到期提醒：服务回访', text: '请在期限前办理。' });
    const [file] = readdirSync(folder);
    const eml = readFileSync(join(folder, file as string), 'utf8');
    expect(eml).toContain('To: a@example.cn\r\n');
    expect(eml).toContain(`Subject: =?UTF-8?B?${Buffer.from('到期提醒：服务回访').toString('base64')}?=`);
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(eml).toContain('\r\n\r\n请在期限前办理。');
  });

  it('chooses the mailer by environment: the sink locally, SES with a sender, none otherwise', () => {
    expect(mailerFromEnv({ ANZE_MAIL_SINK_DIR: folder })).toBeInstanceOf(LocalMailSink);
    expect(mailerFromEnv({ ANZE_MAIL_FROM: 'noreply@anze.example.cn', ANZE_MAIL_REGION: 'cn-north-1' })).toBeInstanceOf(SesMailer);
    expect(mailerFromEnv({})).toBeUndefined();
  });
});
