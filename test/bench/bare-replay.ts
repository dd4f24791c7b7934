import {
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type GetItemCommandInput,
  type QueryCommandInput,
  type TransactWriteItem,
  type TransactWriteItemsCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RecordedCall } from './dynamodb-calls.js';

/**
 * The guards the Store puts on transaction items (functions/adapters/dynamodb/store.ts), and how a replay
 * keeps each of them true so every replayed transaction succeeds, as the request's did:
 * - a create guard → the item gets a fresh partition key (same length class, same attributes);
 * - the optimistic-lock guard → the replay updates a copy of the item (made once, under a fresh key, so
 *   that requests timed in turns with the replay cannot move its version), its version one up per replay;
 * - an existence guard → unchanged (the item still exists).
 */
const CREATE_GUARD = 'attribute_not_exists(PK)';
const VERSION_GUARD = '#version = :expected';
const EXISTS_GUARD = 'attribute_exists(PK)';

export type ReplayStep = (iteration: number) => Promise<void>;

type Item = Record<string, AttributeValue>;
const itemId = (item: Item | undefined): string => `${item?.PK?.S ?? '?'}|${item?.SK?.S ?? '?'}`;

/**
 * "The bare DynamoDB calls a request makes": the calls recorded from one real request, sent again in the
 * same order with the low-level client — no HTTP, no gateway, no middleware, no document marshalling.
 * Reads are sent as recorded; writes are kept valid as above. `label` keeps fresh keys of operations apart.
 */
export async function prepareReplay(client: DynamoDBClient, calls: readonly RecordedCall[], label: string): Promise<ReplayStep> {
  const copies = new Map<string, VersionedCopy>();
  for (const call of calls) {
    if (call.operation !== 'TransactWriteItems') continue;
    for (const item of (call.input as TransactWriteItemsCommandInput).TransactItems ?? []) {
      if (item.Put?.ConditionExpression !== VERSION_GUARD || !item.Put.Item) continue;
      copies.set(itemId(item.Put.Item), await copyOf(client, item.Put.TableName, item.Put.Item, label));
    }
  }
  return async (iteration) => {
    for (const call of calls) await send(client, call, iteration, label, copies);
  };
}

interface VersionedCopy {
  readonly pk: string;
  readonly version: number;
}

/** The stored item under a fresh partition key, for the replay's optimistic-lock writes. */
async function copyOf(client: DynamoDBClient, table: string | undefined, written: Item, label: string): Promise<VersionedCopy> {
  const key = { PK: written.PK ?? { S: '' }, SK: written.SK ?? { S: '' } };
  const stored = (await client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
  const version = Number(stored?.version?.N);
  if (!stored || !Number.isInteger(version)) throw new Error(`no stored version for ${itemId(written)}`);
  const pk = `${key.PK.S ?? ''}~bench-${label}-copy`;
  await client.send(new PutItemCommand({ TableName: table, Item: { ...stored, PK: { S: pk } } }));
  return { pk, version };
}

async function send(client: DynamoDBClient, call: RecordedCall, iteration: number, label: string, copies: ReadonlyMap<string, VersionedCopy>): Promise<void> {
  switch (call.operation) {
    case 'GetItem':
      await client.send(new GetItemCommand(call.input as GetItemCommandInput));
      return;
    case 'Query':
      await client.send(new QueryCommand(call.input as QueryCommandInput));
      return;
    case 'TransactWriteItems': {
      const input = call.input as TransactWriteItemsCommandInput;
      const fresh = (input.TransactItems ?? []).map((item) => replayable(item, `${label}-${iteration}`, iteration, copies));
      await client.send(new TransactWriteItemsCommand({ ...input, TransactItems: fresh }));
      return;
    }
    case 'UpdateItem': {
      // Sent as recorded: the sign-in's attempt counter (its guard: the account exists and is not locked) stays
      // valid on every replay of a successful sign-in; a guard that stops holding fails the replay loudly.
      await client.send(new UpdateItemCommand(call.input as UpdateItemCommandInput));
      return;
    }
    default:
      throw new Error(`the bench cannot replay ${call.operation} yet: teach test/bench/bare-replay.ts how to keep it valid`);
  }
}

function replayable(item: TransactWriteItem, suffix: string, iteration: number, copies: ReadonlyMap<string, VersionedCopy>): TransactWriteItem {
  const put = item.Put;
  if (put?.ConditionExpression === CREATE_GUARD && put.Item) {
    return { Put: { ...put, Item: { ...put.Item, PK: { S: `${put.Item.PK?.S ?? ''}~bench-${suffix}` } } } };
  }
  if (put?.ConditionExpression === VERSION_GUARD && put.Item) {
    const copy = copies.get(itemId(put.Item));
    if (!copy) throw new Error(`no copy prepared for ${itemId(put.Item)}`);
    const expected = copy.version + iteration;
    return {
      Put: {
        ...put,
        Item: { ...put.Item, PK: { S: copy.pk }, version: { N: String(expected + 1) } },
        ExpressionAttributeValues: { ...put.ExpressionAttributeValues, ':expected': { N: String(expected) } },
      },
    };
  }
  if (item.Update?.ConditionExpression === EXISTS_GUARD) return item;
  throw new Error(`the bench cannot keep this transaction item valid on replay: ${JSON.stringify(item).slice(0, 200)}`);
}
