import type { TableDefinition } from '../dynamodb/table-definition.js';

/**
 * What IAM authorises for one DynamoDB API call (pure): the action per item or per table, the table or index ARN,
 * and `dynamodb:LeadingKeys` — the partition key values the call touches (of the index, for a Query on one).
 * TransactWriteItems is authorised as each item's PutItem/UpdateItem/DeleteItem/ConditionCheckItem, and
 * TransactGetItems as each item's GetItem; BatchGetItem and BatchWriteItem once per table with all its keys.
 */
export interface DynamoDbAuthorisation {
  readonly action: string;
  readonly resource: string;
  /** Absent when the call carries none (Scan, DescribeTable …), which the tenant policy's `Null` check refuses. */
  readonly leadingKeys?: readonly string[];
}

export interface LocalTables {
  /** The ARN IAM would name for a table (locally a made-up account, the same on both sides of the check). */
  readonly tableArn: (tableName: string) => string;
  /** The table's key schema, or undefined for a table the twin does not know (its keys are then not read). */
  readonly definitionOf: (tableName: string) => TableDefinition | undefined;
}

type Input = Record<string, unknown>;

export function dynamoDbAuthorisations(commandName: string, input: Input, tables: LocalTables): DynamoDbAuthorisation[] {
  const operation = commandName.replace(/Command$/, '');
  const keyOf = (tableName: string, item: unknown): string | undefined => {
    const definition = tables.definitionOf(tableName);
    return definition ? scalarOf(asInput(item)[definition.partitionKey.name]) : undefined;
  };
  const single = (action: string, tableName: string, keys: readonly unknown[]): DynamoDbAuthorisation => ({
    action: `dynamodb:${action}`,
    resource: tables.tableArn(tableName),
    leadingKeys: keys.map((key) => keyOf(tableName, key) ?? ''),
  });
  const table = typeof input.TableName === 'string' ? input.TableName : '';
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [single(operation, table, [input.Key])];
    case 'PutItem':
      return [single(operation, table, [input.Item])];
    case 'Query':
      return [queryAuthorisation(input, table, tables)];
    case 'BatchGetItem':
      return Object.entries(asInput(input.RequestItems)).map(([name, request]) =>
        single('BatchGetItem', name, asArray(asInput(request).Keys)),
      );
    case 'BatchWriteItem':
      return Object.entries(asInput(input.RequestItems)).map(([name, requests]) =>
        single(
          'BatchWriteItem',
          name,
          asArray(requests).map((request) => asInput(request).PutRequest ? asInput(asInput(request).PutRequest).Item : asInput(asInput(request).DeleteRequest).Key),
        ),
      );
    case 'TransactWriteItems':
      return asArray(input.TransactItems).map((entry) => {
        const item = asInput(entry);
        if (item.Put) return single('PutItem', tableNameOf(item.Put), [asInput(item.Put).Item]);
        if (item.Update) return single('UpdateItem', tableNameOf(item.Update), [asInput(item.Update).Key]);
        if (item.Delete) return single('DeleteItem', tableNameOf(item.Delete), [asInput(item.Delete).Key]);
        return single('ConditionCheckItem', tableNameOf(item.ConditionCheck), [asInput(item.ConditionCheck).Key]);
      });
    case 'TransactGetItems':
      return asArray(input.TransactItems).map((entry) => {
        const get = asInput(asInput(entry).Get);
        return single('GetItem', tableNameOf(get), [get.Key]);
      });
    default:
      // Scan, DescribeTable, … : no item keys, so no LeadingKeys.
      return [{ action: `dynamodb:${operation}`, resource: tables.tableArn(table) }];
  }
}

/** A Query's LeadingKeys is the partition value its key condition fixes (of the index, with IndexName). */
function queryAuthorisation(input: Input, table: string, tables: LocalTables): DynamoDbAuthorisation {
  const indexName = typeof input.IndexName === 'string' ? input.IndexName : undefined;
  const resource = indexName ? `${tables.tableArn(table)}/index/${indexName}` : tables.tableArn(table);
  const definition = tables.definitionOf(table);
  const partitionKey = indexName
    ? definition?.globalIndexes.find((index) => index.indexName === indexName)?.partitionKey.name
    : definition?.partitionKey.name;
  const value = partitionKey === undefined ? undefined : partitionValueOf(input, partitionKey);
  return { action: 'dynamodb:Query', resource, ...(value === undefined ? {} : { leadingKeys: [value] }) };
}

function partitionValueOf(input: Input, partitionKey: string): string | undefined {
  const names = asInput(input.ExpressionAttributeNames) as Record<string, string>;
  const values = asInput(input.ExpressionAttributeValues);
  const expression = typeof input.KeyConditionExpression === 'string' ? input.KeyConditionExpression : '';
  for (const clause of expression.split(/\s+and\s+/i)) {
    const equality = /^\(?\s*([#\w.]+)\s*=\s*(:[\w]+)\s*\)?$/.exec(clause.trim()) ?? /^\(?\s*(:[\w]+)\s*=\s*([#\w.]+)\s*\)?$/.exec(clause.trim());
    if (!equality) continue;
    const [left, right] = [equality[1] ?? '', equality[2] ?? ''];
    const [nameToken, valueToken] = left.startsWith(':') ? [right, left] : [left, right];
    const name = nameToken.startsWith('#') ? names[nameToken] : nameToken;
    if (name === partitionKey) return scalarOf(values[valueToken]);
  }
  const legacy = asInput(asInput(input.KeyConditions)[partitionKey]);
  return legacy.ComparisonOperator === 'EQ' ? scalarOf(asArray(legacy.AttributeValueList)[0]) : undefined;
}

/** A key value, marshalled (`{S: 'x'}`, as the document client hands it on) or not. */
function scalarOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const attribute = asInput(value);
  if (typeof attribute.S === 'string') return attribute.S;
  if (typeof attribute.N === 'string') return attribute.N;
  return undefined;
}

const tableNameOf = (request: unknown): string => {
  const name = asInput(request).TableName;
  return typeof name === 'string' ? name : '';
};
const asInput = (value: unknown): Input => (typeof value === 'object' && value !== null ? (value as Input) : {});
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
