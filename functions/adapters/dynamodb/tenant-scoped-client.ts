import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../../../domain/identity/principal.js';
import { assertKeyPart } from './keys.js';
import { TaggedSessions } from './tagged-sessions.js';

/**
 * Tenant isolation, layer 2 (ARCHITECTURE.md §3): DynamoDB clients whose credentials come from assuming
 * the tenant role with the session tag `tenantId`. That role's policy allows only keys that start
 * `T#${aws:PrincipalTag/tenantId}#`, so even a key-building bug in layer 1 cannot reach another tenant.
 *
 * Without `ANZE_TENANT_ROLE_ARN` (the local runtime and the tests) there is nothing to assume: the client then
 * carries the local IAM twin (functions/adapters/iam-twin/), which evaluates the tenant role's own statements
 * with the session tag `tenantId` before every call, so layer 2 refuses locally what IAM refuses on AWS.
 * `ANZE_LOCAL_IAM=off` falls back to the shared client, layer 1 standing alone.
 */
export class TenantScopedClients {
  private readonly sessions: TaggedSessions;

  constructor(roleArn: string | undefined, now: () => number = Date.now) {
    this.sessions = new TaggedSessions({ roleArn, twinRole: 'tenant', maxSessions: 256 }, now);
  }

  async forTenant(tenant: TenantContext): Promise<DynamoDBDocumentClient> {
    return this.sessions.client({ tenantId: assertKeyPart(tenant.tenantId, 'tenantId') });
  }
}

let shared: TenantScopedClients | undefined;
export const sharedTenantScopedClients = (): TenantScopedClients =>
  (shared ??= new TenantScopedClients(process.env.ANZE_TENANT_ROLE_ARN));
