import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../../../domain/identity/principal.js';
import { assertKeyPart } from './keys.js';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { localIamEnabled, localTwinClient } from '../iam-twin/dynamodb-twin.js';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../../middleware/observability.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

/** The metric a failed AssumeRole adds (namespace `anze`, the function's `service`), which an alarm watches. */
export const STS_METRICS = { assumeRoleFailures: 'StsAssumeRoleFailures' } as const;

/** Renew a little before STS credentials expire, so a request never starts with stale ones. */
const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;
const LOCAL_TWIN_CACHE = 256;

interface Scoped {
  readonly doc: DynamoDBDocumentClient;
  readonly expiresAt: number;
}

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
  private readonly cache = new Map<string, Scoped>();
  private readonly sessions = new Map<string, () => Promise<SessionCredentials>>();

  constructor(
    private readonly roleArn: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async forTenant(tenant: TenantContext): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn && !localIamEnabled()) return sharedDynamoDb().doc;
    const tenantId = assertKeyPart(tenant.tenantId, 'tenantId');
    const cached = this.cache.get(tenantId);
    if (!this.roleArn) return cached ? cached.doc : this.localTwin(tenantId);
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

  /** A client of the shared connection pool whose calls the twin checks under the tag `tenantId`. */
  private localTwin(tenantId: string): DynamoDBDocumentClient {
    // Tests make many tenants in one process: the oldest twins go, as expired sessions would.
    if (this.cache.size >= LOCAL_TWIN_CACHE) this.cache.delete(this.cache.keys().next().value ?? '');
    const doc = toDocumentClient(localTwinClient({ name: `tenant-${tenantId}`, role: 'tenant', principalTags: { tenantId } }));
    this.cache.set(tenantId, { doc, expiresAt: Number.POSITIVE_INFINITY });
    return doc;
  }
}

let shared: TenantScopedClients | undefined;
export const sharedTenantScopedClients = (): TenantScopedClients =>
  (shared ??= new TenantScopedClients(process.env.ANZE_TENANT_ROLE_ARN));
