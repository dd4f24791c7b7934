import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startPlatform, type RunningPlatform } from '../../infra/local/platform.js';
import { ApiClient } from './api-client.js';
import type { RateLimits } from '../../infra/rate-limits.js';
import type { PlatformOptions } from '../../infra/local/platform.js';
import { dynamoDbEndpoint } from './dynamodb-lease.js';
import { signInWithTotp } from './totp-sign-in.js';

export const OPERATOR_PASSWORD = 'Operator-test-2026';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly url: string;
  /** A client without a token. */
  readonly anonymous: ApiClient;
  signIn(username: string, password: string): Promise<ApiClient>;
  operator(): Promise<ApiClient>;
  stop(): Promise<void>;
}

/**
 * The real local platform (gateway → handlers → DynamoDB Local) on fresh tables of the run's shared
 * DynamoDB Local, for one test file. Nothing of our own code is mocked.
 */
export async function startTestPlatform(
  options: { demo?: boolean; rateLimits?: RateLimits; provincialSync?: PlatformOptions['provincialSync'] } = {},
): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-test-'));
  const platform = await startPlatform({
    dataDir,
    port: 0,
    dynamoDbEndpoint: await dynamoDbEndpoint(),
    tablePrefix: `t${randomBytes(4).toString('hex')}-`,
    operatorPassword: OPERATOR_PASSWORD,
    demo: options.demo ?? false,
    scheduler: false,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    // SYNC-1: off unless a test asks for it — its background reads and writes would blur the tests that count calls.
    provincialSync: options.provincialSync ?? { enabled: false },
  });
  const anonymous = new ApiClient(platform.url);
  // Issue 21: the operator and regulators enrol an authenticator at their first sign-in and answer codes after.
  const signIn = async (username: string, password: string) => {
    const response = await signInWithTotp(platform.url, username, password);
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return anonymous.withToken((response.body as { accessToken: string }).accessToken);
  };
  return {
    platform,
    url: platform.url,
    anonymous,
    signIn,
    operator: () => signIn('operator', OPERATOR_PASSWORD),
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
      // The run's one DynamoDB Local keeps every table in its heap: a finished suite's go (global-setup.ts).
      const client = new DynamoDBClient({
        endpoint: platform.dynamoDbEndpoint,
        region: 'cn-north-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      try {
        await Promise.all(Object.values(platform.tables).map((TableName) => client.send(new DeleteTableCommand({ TableName })).catch(() => undefined)));
      } finally {
        client.destroy();
      }
    },
  };
}
