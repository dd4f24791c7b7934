import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import { CITY_WIDE_COUNTY, COUNTY_AGENCY } from '../../../infra/constructs/tenant-policy-documents.js';
import { logger, metrics } from '../../middleware/observability.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { assertKeyPart } from './keys.js';
import { localIamEnabled, localTwinClient } from '../iam-twin/dynamodb-twin.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';
import { STS_METRICS } from './tenant-scoped-client.js';

const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;

/** Whose reads a regulator session makes: the caller's agency and, for a county EMB, its county (from the token). */
export type RegulatorScope = Pick<RegulatorPrincipal, 'agency' | 'county'>;

/**
 * The session tags of a scope (ACL-4, issue 21): `agency`, and `county` — a county EMB's own county, `ALL` for
 * the city EMB and the NFRA. A county EMB without a county is no scope at all: refused here, never widened.
 */
export function regulatorSessionTags(scope: RegulatorScope): { agency: string; county: string } {
  if (scope.agency === COUNTY_AGENCY) {
    if (!scope.county) throw new Error('ACL-4: a county EMB session needs its county');
    return { agency: scope.agency, county: assertKeyPart(scope.county, 'county') };
  }
  return { agency: scope.agency, county: CITY_WIDE_COUNTY };
}

interface Session {
  readonly doc: DynamoDBDocumentClient;
  readonly expiresAt: number;
}

/**
 * ARCHITECTURE.md §3, ACL-2, ACL-4: regulators reach insurers' data through the read-only regulator role
 * (`ANZE_REGULATOR_ROLE_ARN`, GetItem/BatchGetItem/Query only), assumed with the session tags `agency` and
 * `county` of the caller's token — never through a tenant's role, so a bug in a supervision use case cannot
 * write an insurer's items, and a county EMB's session cannot read another county's partitions of the views
 * keyed by county (infra/constructs/tenant-policy-documents.ts): IAM refuses both.
 *
 * Without the role ARN (the local runtime and the tests) there is nothing to assume: the client then carries the
 * local IAM twin (functions/adapters/iam-twin/) with the regulator role's own statements and the same tags, so
 * what IAM refuses is refused locally. `ANZE_LOCAL_IAM=off` falls back to the shared client.
 */
export class RegulatorReadClients {
  /** One session per scope: the city-wide one, and one per county EMB's county (16 areas at most). */
  private readonly sessions = new Map<string, Session>();
  private readonly credentials = new Map<string, () => Promise<SessionCredentials>>();

  constructor(
    private readonly roleArn: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async client(scope: RegulatorScope): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn && !localIamEnabled()) return sharedDynamoDb().doc;
    const tags = regulatorSessionTags(scope);
    const id = `${tags.agency}.${tags.county}`;
    const cached = this.sessions.get(id);
    if (!this.roleArn) {
      if (cached) return cached.doc;
      const doc = toDocumentClient(localTwinClient({ name: `regulator-${id}`, role: 'regulator', principalTags: tags }));
      this.sessions.set(id, { doc, expiresAt: Number.POSITIVE_INFINITY });
      return doc;
    }
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > this.now()) return cached.doc;
    let session = this.credentials.get(id);
    if (!session) {
      session = roleSession({
        RoleArn: this.roleArn,
        RoleSessionName: `regulator-${id}`.slice(0, 64),
        DurationSeconds: SESSION_SECONDS,
        Tags: [
          { Key: 'agency', Value: tags.agency },
          { Key: 'county', Value: tags.county },
        ],
      });
      this.credentials.set(id, session);
    }
    let credentials: SessionCredentials;
    try {
      credentials = await session();
    } catch (error) {
      // Counted as the tenant role's failures are, so the `sts-failures` alarm sees it; the request still fails.
      logger.error('AssumeRole into the regulator role failed', { error: error as Error, agency: tags.agency, county: tags.county });
      metrics.addMetric(STS_METRICS.assumeRoleFailures, MetricUnit.Count, 1);
      throw error;
    }
    const doc = toDocumentClient(traceSdkCalls(countCalls(new DynamoDBClient({ ...dynamoDbClientConfig(), credentials })), 'DynamoDB'));
    this.sessions.set(id, { doc, expiresAt: credentials.expiration.getTime() });
    return doc;
  }
}

let shared: RegulatorReadClients | undefined;
export const sharedRegulatorReadClients = (): RegulatorReadClients =>
  (shared ??= new RegulatorReadClients(process.env.ANZE_REGULATOR_ROLE_ARN));
