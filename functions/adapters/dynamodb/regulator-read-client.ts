import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

const RENEW_BEFORE_MS = 60_000;
const SESSION_SECONDS = 900;

/**
 * ARCHITECTURE.md §3, ACL-2: regulators reach insurers' data through the read-only regulator role
 * (`ANZE_REGULATOR_ROLE_ARN`, GetItem/BatchGetItem/Query only), never through a tenant's role, so a bug in a
 * supervision use case cannot write an insurer's items even by mistake — IAM refuses it.
 *
 * Without the role ARN (the local runtime) there is nothing to assume and the shared client is used; layer 1
 * (GET-only routes, keys built by keys.ts) then stands alone.
 */
export class RegulatorReadClients {
  private cached: { doc: DynamoDBDocumentClient; expiresAt: number } | undefined;
  private session: (() => Promise<SessionCredentials>) | undefined;

  constructor(
    private readonly roleArn: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async client(): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn) return sharedDynamoDb().doc;
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
