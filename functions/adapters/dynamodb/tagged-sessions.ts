import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../../middleware/observability.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { localIamEnabled, localTwinClient, type TwinSession } from '../iam-twin/dynamodb-twin.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

/** The metric a failed AssumeRole adds (namespace `anze`, the function's `service`), which an alarm watches. */
export const STS_METRICS = { assumeRoleFailures: 'StsAssumeRoleFailures' } as const;

/** Renew a little before STS credentials expire, so a request never starts with stale ones. */
const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;

interface Session {
  readonly doc: DynamoDBDocumentClient;
  readonly expiresAt: number;
}

export interface TaggedSessionsOptions {
  /** The role to assume (`ANZE_TENANT_ROLE_ARN`, `ANZE_REGULATOR_ROLE_ARN`, `ANZE_ENTERPRISE_ROLE_ARN`); absent locally and in the tests. */
  readonly roleArn: string | undefined;
  /** Which role's statements the local IAM twin evaluates when there is no role to assume. */
  readonly twinRole: TwinSession['role'];
  /** Sessions kept at once; the oldest goes first (a container serves a bounded set of callers; tests make hundreds). */
  readonly maxSessions: number;
}

/**
 * Sessions of one scoped role, one per set of session tags (ARCHITECTURE.md §3, layer 2): the tenants' (tenantId),
 * the regulators' (agency, county) and the enterprises' (uscc). Each is assumed once and renewed a minute before it expires; a
 * failed AssumeRole is logged and counted (the `sts-failures` alarm) and fails the request.
 *
 * Without a role ARN there is nothing to assume: the client then carries the local IAM twin
 * (functions/adapters/iam-twin/) with the role's own statements and the same tags, so what IAM refuses is refused
 * locally. `ANZE_LOCAL_IAM=off` falls back to the shared client.
 */
export class TaggedSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly credentials = new Map<string, () => Promise<SessionCredentials>>();

  constructor(
    private readonly options: TaggedSessionsOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async client(tags: Readonly<Record<string, string>>): Promise<DynamoDBDocumentClient> {
    const { roleArn, twinRole } = this.options;
    if (!roleArn && !localIamEnabled()) return sharedDynamoDb().doc;
    const id = Object.values(tags).join('.');
    const cached = this.sessions.get(id);
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.now()) return cached.doc;
    if (!roleArn) return this.keep(id, { doc: toDocumentClient(localTwinClient({ name: `${twinRole}-${id}`, role: twinRole, principalTags: tags })), expiresAt: Number.POSITIVE_INFINITY });
    let session = this.credentials.get(id);
    if (!session) {
      session = roleSession({
        RoleArn: roleArn,
        RoleSessionName: `${twinRole}-${id}`.slice(0, 64),
        DurationSeconds: SESSION_SECONDS,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      });
      this.credentials.set(id, session);
    }
    let credentials: SessionCredentials;
    try {
      credentials = await session();
    } catch (error) {
      // Counted as the tenant role's failures are, so the `sts-failures` alarm sees it; the request still fails.
      logger.error(`AssumeRole into the ${twinRole} role failed`, { error: error as Error, ...tags });
      metrics.addMetric(STS_METRICS.assumeRoleFailures, MetricUnit.Count, 1);
      throw error;
    }
    const doc = toDocumentClient(traceSdkCalls(countCalls(new DynamoDBClient({ ...dynamoDbClientConfig(), credentials })), 'DynamoDB'));
    return this.keep(id, { doc, expiresAt: credentials.expiration.getTime() });
  }

  private keep(id: string, session: Session): DynamoDBDocumentClient {
    this.sessions.delete(id);
    if (this.sessions.size >= this.options.maxSessions) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
      this.credentials.delete(oldest);
    }
    this.sessions.set(id, session);
    return session.doc;
  }
}
