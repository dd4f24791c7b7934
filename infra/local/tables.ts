import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { IndexDefinition, TableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';

/**
 * Creates a table from the shared definition (the same module the CDK data stack reads), if it is missing.
 * Returns the stream ARN when the table has a stream.
 */
export async function ensureTable(client: DynamoDBClient, definition: TableDefinition, tableName: string): Promise<string | undefined> {
  const attributes = new Map<string, AttributeDefinition>();
  const add = (key: { name: string; type: 'S' | 'N' }) => attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  add(definition.partitionKey);
  if (definition.sortKey) add(definition.sortKey);
  for (const index of definition.globalIndexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, definition, tableName, existing.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName ?? '') ?? [], attributes);
    return existing.Table?.LatestStreamArn;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const created = await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes.values()],
      KeySchema: [
        { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' as const }] : []),
      ],
      GlobalSecondaryIndexes: definition.globalIndexes.length ? definition.globalIndexes.map(indexSpec) : undefined,
      StreamSpecification:
        definition.stream === 'NONE' ? undefined : { StreamEnabled: true, StreamViewType: definition.stream },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return created.TableDescription?.LatestStreamArn;
}

const indexSpec = (index: IndexDefinition) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/**
 * A data folder made by an older version lacks the indexes added since: add them, one per call as DynamoDB
 * requires, so `npm start` on old data keeps working (on AWS, CloudFormation does the same on deploy).
 */
async function addMissingIndexes(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
  existing: readonly string[],
  attributes: ReadonlyMap<string, AttributeDefinition>,
): Promise<void> {
  for (const index of definition.globalIndexes.filter((i) => !existing.includes(i.indexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [...attributes.values()],
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
  }
}
