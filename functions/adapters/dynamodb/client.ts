import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_TABLE, MAIN_TABLE } from './table-definition.js';

/**
 * The SDK clients are the same on AWS and locally; only the endpoint and credentials differ
 * (ARCHITECTURE.md §8). `ANZE_DYNAMODB_ENDPOINT` points at DynamoDB Local, which accepts any credentials.
 */
export function dynamoDbClientConfig(env: NodeJS.ProcessEnv = process.env): DynamoDBClientConfig {
  const endpoint = env.ANZE_DYNAMODB_ENDPOINT;
  if (!endpoint) return { maxAttempts: 3 };
  return {
    endpoint,
    region: env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  };
}

export const toDocumentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });

let shared: { client: DynamoDBClient; doc: DynamoDBDocumentClient } | undefined;

/** One client per Lambda container (or per local process), created on first use rather than at import. */
export function sharedDynamoDb(): { client: DynamoDBClient; doc: DynamoDBDocumentClient } {
  if (!shared) {
    const client = new DynamoDBClient(dynamoDbClientConfig());
    shared = { client, doc: toDocumentClient(client) };
  }
  return shared;
}

export const mainTableName = (env: NodeJS.ProcessEnv = process.env): string =>
  env.ANZE_TABLE ?? MAIN_TABLE.defaultPhysicalName;

export const idempotencyTableName = (env: NodeJS.ProcessEnv = process.env): string =>
  env.ANZE_IDEMPOTENCY_TABLE ?? IDEMPOTENCY_TABLE.defaultPhysicalName;
