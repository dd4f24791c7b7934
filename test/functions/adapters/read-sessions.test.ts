// The STS client `fromTemporaryCredentials` makes (functions/adapters/sts/role-session.ts) is the SDK's own, from
// @aws-sdk/nested-clients: mocked here at the SDK boundary.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EnterpriseReadClients } from '../../../functions/adapters/dynamodb/enterprise-read-client.js';
import { RegulatorReadClients } from '../../../functions/adapters/dynamodb/regulator-read-client.js';

const sts = mockClient(STSClient);
const ENTERPRISE_ROLE = 'arn:aws:iam::123456789012:role/anze-enterprise';
const REGULATOR_ROLE = 'arn:aws:iam::123456789012:role/anze-regulator';
const XINDA = '91140902100079190P';
const TAIXIN = '91140902101583807B';

describe('the tagged read sessions (IAM layer 2, issue 21)', () => {
  beforeEach(() => {
    sts.reset();
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AKIA', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 900_000) },
    });
  });

  it('ACL-5 assumes the enterprise role with exactly the uscc session tag, one session per enterprise', async () => {
    const clients = new EnterpriseReadClients(ENTERPRISE_ROLE);
    const xinda = await clients.client(XINDA);
    expect(await clients.client(XINDA)).toBe(xinda);
    expect(await clients.client(TAIXIN)).not.toBe(xinda);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 2);
    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, {
      RoleArn: ENTERPRISE_ROLE,
      RoleSessionName: `enterprise-${XINDA}`,
      DurationSeconds: 900,
      Tags: [{ Key: 'uscc', Value: XINDA }],
    });
  });

  it('ACL-5 refuses a USCC that could widen the key pattern, before any AssumeRole', async () => {
    await expect(new EnterpriseReadClients(ENTERPRISE_ROLE).client('9114#*')).rejects.toThrow(/uscc/);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 0);
  });

  it('ACL-4 assumes the regulator role tagged agency and county (ALL for the city EMB), renewing a minute before expiry', async () => {
    let now = Date.now();
    const clients = new RegulatorReadClients(REGULATOR_ROLE, () => now);
    const city = await clients.client({ agency: 'EMB_CITY' });
    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, {
      RoleArn: REGULATOR_ROLE,
      RoleSessionName: 'regulator-EMB_CITY.ALL',
      Tags: [{ Key: 'agency', Value: 'EMB_CITY' }, { Key: 'county', Value: 'ALL' }],
    });
    await clients.client({ agency: 'EMB_COUNTY', county: '140902' });
    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, { Tags: [{ Key: 'agency', Value: 'EMB_COUNTY' }, { Key: 'county', Value: '140902' }] });
    expect(await clients.client({ agency: 'EMB_CITY' })).toBe(city);
    now += 850_000;
    expect(await clients.client({ agency: 'EMB_CITY' })).not.toBe(city);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 3);
  });

  it('keeps a bounded number of sessions: the oldest is dropped and assumed again when it returns', async () => {
    const clients = new EnterpriseReadClients(ENTERPRISE_ROLE);
    const first = await clients.client('911409020000000000');
    for (let index = 1; index <= 256; index += 1) await clients.client(`91140902${String(index).padStart(10, '0')}`);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 257);
    expect(await clients.client('911409020000000000')).not.toBe(first);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 258);
  });
});
