// The STS client `fromTemporaryCredentials` makes (functions/adapters/sts/role-session.ts) is the SDK's own, from
// @aws-sdk/nested-clients: mocked here at the SDK boundary, the one place that names it.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STS_METRICS } from '../../../functions/adapters/dynamodb/tagged-sessions.js';
import { TenantScopedClients } from '../../../functions/adapters/dynamodb/tenant-scoped-client.js';
import { logger, metrics } from '../../../functions/middleware/observability.js';

const sts = mockClient(STSClient);
const ROLE = 'arn:aws:iam::123456789012:role/anze-tenant';

describe('issue 21: a failed AssumeRole is counted for the sts-failures alarm', () => {
  beforeEach(() => sts.reset());
  afterEach(() => vi.restoreAllMocks());

  it('logs the tenant and adds StsAssumeRoleFailures = 1, then fails the request as before', async () => {
    const denied = Object.assign(new Error('not authorized to perform sts:TagSession'), { name: 'AccessDenied' });
    sts.on(AssumeRoleCommand).rejects(denied);
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const metric = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);

    await expect(new TenantScopedClients(ROLE).forTenant({ tenantId: 'tenant-a' })).rejects.toThrow(
      /sts:TagSession/,
    );

    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, {
      RoleArn: ROLE,
      RoleSessionName: 'tenant-tenant-a',
      DurationSeconds: 900,
      Tags: [{ Key: 'tenantId', Value: 'tenant-a' }],
    });
    expect(metric).toHaveBeenCalledWith(STS_METRICS.assumeRoleFailures, 'Count', 1);
    expect(STS_METRICS.assumeRoleFailures).toBe('StsAssumeRoleFailures');
    expect(error).toHaveBeenCalledWith('AssumeRole into the tenant role failed', expect.objectContaining({ tenantId: 'tenant-a' }));
  });

  it('counts nothing when AssumeRole succeeds', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AKIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 900_000) },
    });
    const metric = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    await new TenantScopedClients(ROLE).forTenant({ tenantId: 'tenant-a' });
    expect(metric).not.toHaveBeenCalled();
  });
});
