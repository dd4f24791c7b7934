import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../../../domain/identity/principal.js';
import { assertKeyPart } from './keys.js';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../../middleware/observability.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

/** The metric a failed AssumeRole adds (namespace `anze`, the function's `service`), which an alarm watches. */
export const STS_METRICS = { assumeRoleFailures: 'StsAssumeRoleFailures' } as const;

/** Renew a little before STS credentials expire, so a request never starts with stale ones. */
const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;

interface Scoped {
  readonly doc: DynamoDBDocumentClient;
  readonly expiresAt: number;
}

/**
 * Tenant isolation, layer 2 (ARCHITECTURE.md §3): DynamoDB clients whose credentials come from assuming
 * the tenant role with the session tag `tenantId`. That role's policy allows only keys that start
 * `T#${aws:PrincipalTag/tenantId}#`, so even a key-building bug in layer 1 cannot reach another tenant.
 *
 * Without `ANZE_TENANT_ROLE_ARN` (the local runtime) there is nothing to assume and the shared client is used;
 * layer 1 then stands alone, as it must be able to.
 */
export class TenantScopedClients {
  private readonly cache = new Map<string, Scoped>();
  private readonly sessions = new Map<string, () => Promise<SessionCredentials>>();

  constructor(
    private readonly roleArn: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async forTenant(tenant: TenantContext): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn) return sharedDynamoDb().doc;
    const tenantId = assertKeyPart(tenant.tenantId, 'tenantId');
    const cached = this.cache.get(tenantId);
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.now()) return cached.doc;
    let session = this.sessions.get(tenantId);
    if (!session) {
      session = roleSession({
        RoleArn: this.roleArn,
        RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
        DurationSeconds: SESSION_SECONDS,
        Tags: [{ Key: 'tenantId', Value: tenantId }],
      });
      this.sessions.set(tenantId, session);
    }
    let credentials: SessionCredentials;
    try {
      credentials = await session();
    } catch (error) {
      // Counted so the `sts-failures` alarm (infra/constructs/operations-alarms.ts) sees it; the request still fails.
      logger.error('AssumeRole into the tenant role failed', { error: error as Error, tenantId });
      metrics.addMetric(STS_METRICS.assumeRoleFailures, MetricUnit.Count, 1);
      throw error;
    }
    const doc = toDocumentClient(traceSdkCalls(countCalls(new DynamoDBClient({ ...dynamoDbClientConfig(), credentials })), 'DynamoDB'));
    this.cache.set(tenantId, { doc, expiresAt: credentials.expiration.getTime() });
    return doc;
  }
}

let shared: TenantScopedClients | undefined;
export const sharedTenantScopedClients = (): TenantScopedClients =>
  (shared ??= new TenantScopedClients(process.env.ANZE_TENANT_ROLE_ARN));
