import { DynamoDBClient, GetItemCommand, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_TABLE, MAIN_TABLE } from './table-definition.js';
import { traceSdkCalls } from '../../middleware/tracing.js';

/**
 * How long one DynamoDB call may take before the SDK gives up on it (issue 12 #5). Without these the SDK waits
 * for a silent endpoint for ever and a request dies with the Lambda's timeout instead of answering. Connecting
 * is quick on a healthy network; the longest calls (100-item transactions, 1 MB pages) take well under a second.
 * Three attempts of at most 1 s + 6 s each, with the SDK's backoff, stay inside API Gateway's 29 s, so the
 * caller gets our 503 with `Retry-After` (functions/middleware/dependency-outage.ts), not a gateway timeout.
 */
export const DYNAMODB_TIMEOUTS = { connectionTimeoutMs: 1_000, requestTimeoutMs: 6_000, maxAttempts: 3 } as const;

/**
 * The SDK clients are the same on AWS and locally; only the endpoint and credentials differ
 * (ARCHITECTURE.md §8). `ANZE_DYNAMODB_ENDPOINT` points at DynamoDB Local, which accepts any credentials.
 */
export function dynamoDbClientConfig(env: NodeJS.ProcessEnv = process.env): DynamoDBClientConfig {
  const endpoint = env.ANZE_DYNAMODB_ENDPOINT;
  const resilience: DynamoDBClientConfig = {
    maxAttempts: DYNAMODB_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: DYNAMODB_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: DYNAMODB_TIMEOUTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
  if (!endpoint) return resilience;
  return {
    ...resilience,
    endpoint,
    region: env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
}

export const toDocumentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });

/** DynamoDB API calls made through clients of this module, by operation: the benchmark's "calls per request". */
const calls = new Map<string, number>();
export const dynamoDbCalls = (): ReadonlyMap<string, number> => calls;
export const resetDynamoDbCalls = (): void => calls.clear();

/** Counts every call at the SDK's initialize step; costs a map update, so it stays on everywhere. */
export function countCalls(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const operation = context.commandName ?? 'unknown';
      calls.set(operation, (calls.get(operation) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'anzeCallCounter' },
  );
  return client;
}

let shared: { client: DynamoDBClient; doc: DynamoDBDocumentClient } | undefined;

/** One client per Lambda container (or per local process), created on first use rather than at import. */
export function sharedDynamoDb(): { client: DynamoDBClient; doc: DynamoDBDocumentClient } {
  if (!shared) {
    // X-Ray sub-segments per call where tracing is on (issue 21).
    const client = traceSdkCalls(countCalls(new DynamoDBClient(dynamoDbClientConfig())), 'DynamoDB');
    shared = { client, doc: toDocumentClient(client) };
  }
  return shared;
}

export const mainTableName = (env: NodeJS.ProcessEnv = process.env): string =>
  env.ANZE_TABLE ?? MAIN_TABLE.defaultPhysicalName;

export const idempotencyTableName = (env: NodeJS.ProcessEnv = process.env): string =>
  env.ANZE_IDEMPOTENCY_TABLE ?? IDEMPOTENCY_TABLE.defaultPhysicalName;

/** The key the readiness probe reads: no item is ever stored there, so the probe costs one small read. */
const PROBE_KEY = { PK: { S: 'P#READINESS' }, SK: { S: 'P#READINESS' } } as const;
const PROBE_TIMEOUT_MS = 2_000;
const PROBE_CACHE_MS = 1_000;
let lastProbe: { at: number; answer: Promise<'up' | 'down'> } | undefined;

/**
 * Readiness of the table (`GET /api/v1/health/ready`): one eventually consistent GetItem of a key that never
 * exists, answered within 2 s. An answer is shared for 1 s by every caller, so an unauthenticated flood of
 * readiness checks costs at most one read per container a second (OWASP API4).
 */
export function probeDynamoDb(now = Date.now()): Promise<'up' | 'down'> {
  if (lastProbe && now - lastProbe.at < PROBE_CACHE_MS) return lastProbe.answer;
  const answer = sharedDynamoDb()
    .client.send(new GetItemCommand({ TableName: mainTableName(), Key: PROBE_KEY, ProjectionExpression: 'PK' }), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    })
    .then(
      () => 'up' as const,
      () => 'down' as const,
    );
  lastProbe = { at: now, answer };
  return answer;
}
