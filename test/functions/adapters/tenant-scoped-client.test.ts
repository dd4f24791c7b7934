// The STS client `fromTemporaryCredentials` makes (functions/adapters/sts/role-session.ts) is the SDK's own, from
// @aws-sdk/nested-clients: mocked here at the SDK boundary, the one place that names it.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { TenantScopedClients } from '../../../functions/adapters/dynamodb/tenant-scoped-client.js';
import { sharedDynamoDb } from '../../../functions/adapters/dynamodb/client.js';

const sts = mockClient(STSClient);
const ROLE = 'arn:aws:iam::123456789012:role/anze-tenant';

describe('tenant-scoped DynamoDB clients (IAM layer 2)', () => {
  beforeEach(() => {
    sts.reset();
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'AKIA',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date(Date.now() + 900_000),
      },
    });
  });

  it('assumes the tenant role with exactly the tenantId session tag', async () => {
    const clients = new TenantScopedClients(ROLE);
    await clients.forTenant({ tenantId: 'tenant-a' });
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 1);
    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, {
      RoleArn: ROLE,
      RoleSessionName: 'tenant-tenant-a',
      DurationSeconds: 900,
      Tags: [{ Key: 'tenantId', Value: 'tenant-a' }],
    });
  });

  it('reuses credentials per tenant until shortly before they expire, and never across tenants', async () => {
    let now = Date.now();
    const clients = new TenantScopedClients(ROLE, () => now);
    const first = await clients.forTenant({ tenantId: 'a' });
    expect(await clients.forTenant({ tenantId: 'a' })).toBe(first);
    const other = await clients.forTenant({ tenantId: 'b' });
    expect(other).not.toBe(first);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 2);
    now += 890_000;
    await clients.forTenant({ tenantId: 'a' });
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 3);
  });

  it('refuses a tenant id that could break out of its key prefix', async () => {
    const clients = new TenantScopedClients(ROLE);
    await expect(clients.forTenant({ tenantId: 'a#b' })).rejects.toThrow(/unsafe tenantId/);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 0);
  });

  it('where no role is configured (the local runtime), hands each tenant its own client checked by the local IAM twin (issue 21)', async () => {
    const clients = new TenantScopedClients(undefined);
    const a = await clients.forTenant({ tenantId: 'a' });
    expect(a).not.toBe(sharedDynamoDb().doc);
    expect(await clients.forTenant({ tenantId: 'a' })).toBe(a);
    expect(await clients.forTenant({ tenantId: 'b' })).not.toBe(a);
    expect(a.middlewareStack.identify().some((entry) => entry.startsWith('anzeLocalIamTwin'))).toBe(true);
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 0);
  });

  it('with ANZE_LOCAL_IAM=off, uses the shared client where no role is configured', async () => {
    process.env.ANZE_LOCAL_IAM = 'off';
    try {
      expect(await new TenantScopedClients(undefined).forTenant({ tenantId: 'a' })).toBe(sharedDynamoDb().doc);
    } finally {
      delete process.env.ANZE_LOCAL_IAM;
    }
    expect(sts).toHaveReceivedCommandTimes(AssumeRoleCommand, 0);
  });
});
