import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { localIamEnabled, localTwinClient } from '../iam-twin/dynamodb-twin.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;

/**
 * ARCHITECTURE.md §3, ACL-2: regulators reach insurers' data through the read-only regulator role
 * (`ANZE_REGULATOR_ROLE_ARN`, GetItem/BatchGetItem/Query only), never through a tenant's role, so a bug in a
 * supervision use case cannot write an insurer's items even by mistake — IAM refuses it.
 *
 * Without the role ARN (the local runtime and the tests) there is nothing to assume: the client then carries the
 * local IAM twin (functions/adapters/iam-twin/) with the regulator role's own statements, so a write or a Scan is
 * refused locally as IAM refuses it. `ANZE_LOCAL_IAM=off` falls back to the shared client.
 */
export class RegulatorReadClients {
  private cached: { doc: DynamoDBDocumentClient; expiresAt: number } | undefined;
  private session: (() => Promise<SessionCredentials>) | undefined;

  constructor(
    private readonly roleArn: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async client(): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn) {
      if (!localIamEnabled()) return sharedDynamoDb().doc;
      this.cached ??= {
        doc: toDocumentClient(localTwinClient({ name: 'regulator-read', role: 'regulator', principalTags: {} })),
        expiresAt: Number.POSITIVE_INFINITY,
      };
      return this.cached.doc;
    }
    if (this.cached && this.cached.expiresAt - RENEW_BEFORE_MS > this.now()) return this.cached.doc;
    this.session ??= roleSession({ RoleArn: this.roleArn, RoleSessionName: 'regulator-read', DurationSeconds: SESSION_SECONDS });
    const credentials = await this.session();
    const doc = toDocumentClient(countCalls(new DynamoDBClient({ ...dynamoDbClientConfig(), credentials })));
    this.cached = { doc, expiresAt: credentials.expiration.getTime() };
    return doc;
  }
}

let shared: RegulatorReadClients | undefined;
export const sharedRegulatorReadClients = (): RegulatorReadClients =>
  (shared ??= new RegulatorReadClients(process.env.ANZE_REGULATOR_ROLE_ARN));
