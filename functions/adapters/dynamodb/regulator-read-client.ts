import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { STSClient } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countCalls, dynamoDbClientConfig, sharedDynamoDb, toDocumentClient } from './client.js';

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

  constructor(
    private readonly roleArn: string | undefined,
    private sts?: STSClient,
    private readonly now: () => number = Date.now,
  ) {}

  async client(): Promise<DynamoDBDocumentClient> {
    if (!this.roleArn) return sharedDynamoDb().doc;
    if (this.cached && this.cached.expiresAt - RENEW_BEFORE_MS > this.now()) return this.cached.doc;
    const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
    this.sts ??= new STSClient({});
    const out = await this.sts.send(
      new AssumeRoleCommand({ RoleArn: this.roleArn, RoleSessionName: 'regulator-read', DurationSeconds: SESSION_SECONDS }),
    );
    const credentials = out.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration) {
      throw new Error('STS returned no credentials for the regulator role');
    }
    const doc = toDocumentClient(
      countCalls(
        new DynamoDBClient({
          ...dynamoDbClientConfig(),
          credentials: {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
            expiration: credentials.Expiration,
          },
        }),
      ),
    );
    this.cached = { doc, expiresAt: credentials.Expiration.getTime() };
    return doc;
  }
}

let shared: RegulatorReadClients | undefined;
export const sharedRegulatorReadClients = (): RegulatorReadClients =>
  (shared ??= new RegulatorReadClients(process.env.ANZE_REGULATOR_ROLE_ARN));
