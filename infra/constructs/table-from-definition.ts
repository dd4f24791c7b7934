import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { KeyAttribute, TableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';

const toAttribute = (key: KeyAttribute): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

export interface TableFromDefinitionProps {
  readonly definition: TableDefinition;
  /** Point-in-time recovery: for tables whose loss is a loss of business data. */
  readonly durable: boolean;
  /** From the stage (infra/stacks/stage-profile.ts): prod protects and retains, a test stage can be torn down. */
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A DynamoDB table built from the shared definition (functions/adapters/dynamodb/table-definition.ts), the
 * module the local runtime also creates its table from, so the two cannot drift. On-demand billing: load is
 * spiky (office hours, the 08:00 sweep) and small.
 */
export function tableFromDefinition(scope: Construct, id: string, props: TableFromDefinitionProps): TableV2 {
  const { definition, durable } = props;
  return new TableV2(scope, id, {
    partitionKey: toAttribute(definition.partitionKey),
    ...(definition.sortKey ? { sortKey: toAttribute(definition.sortKey) } : {}),
    billing: Billing.onDemand(),
    timeToLiveAttribute: definition.timeToLiveAttribute,
    ...(definition.stream === 'NEW_IMAGE' ? { dynamoStream: StreamViewType.NEW_IMAGE } : {}),
    globalSecondaryIndexes: definition.globalIndexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: toAttribute(index.partitionKey),
      sortKey: toAttribute(index.sortKey),
    })),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: durable },
    deletionProtection: props.deletionProtection,
    removalPolicy: props.removalPolicy,
  });
}
