import type {
  DynamoDBClient,
  GetItemCommandInput,
  QueryCommandInput,
  ServiceInputTypes,
  TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { dynamoDbCalls, resetDynamoDbCalls, sharedDynamoDb } from '../../functions/adapters/dynamodb/client.js';
import { sharedTenantScopedClients } from '../../functions/adapters/dynamodb/tenant-scoped-client.js';

/** One DynamoDB API call as the SDK sent it: wire-level (marshalled) input, operation without `Command`. */
export interface RecordedCall {
  readonly operation: string;
  readonly input: ServiceInputTypes;
}

/** DynamoDB API calls per request, by operation, e.g. `{ GetItem: 1, TransactWriteItems: 1 }`. */
export type CallsPerRequest = Readonly<Record<string, number>>;

const operationOf = (commandName: string): string => commandName.replace(/Command$/, '');

/**
 * Every call the handlers made through the shared clients since the last reset, divided by `requests`
 * (functions/adapters/dynamodb/client.ts counts them at the SDK's initialize step).
 */
export function callsPerRequest(requests: number): CallsPerRequest {
  const perRequest: Record<string, number> = {};
  for (const [commandName, count] of dynamoDbCalls()) perRequest[operationOf(commandName)] = count / requests;
  return perRequest;
}

export const resetCalls = resetDynamoDbCalls;

/** `GetItem 1, TransactWriteItems 1`, or `none`. */
export function describeCalls(calls: CallsPerRequest): string {
  const entries = Object.entries(calls).filter(([, count]) => count > 0);
  if (entries.length === 0) return 'none';
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, count]) => `${operation} ${Number.isInteger(count) ? count : count.toFixed(2)}`)
    .join(', ');
}

export const sameCalls = (actual: CallsPerRequest, expected: CallsPerRequest): boolean =>
  describeCalls(actual) === describeCalls(expected);

const RECORDER = 'anzeBenchRecorder';

/**
 * Records the calls `action` makes through `client` (the handlers' shared client), with their inputs as
 * sent, so the bare benchmark can send exactly those again. The recorder sits at the build step, after
 * the document client has marshalled the input, and is removed afterwards: timed runs never carry it.
 */
export async function recordCalls(client: DynamoDBClient | readonly DynamoDBClient[], action: () => Promise<void>): Promise<RecordedCall[]> {
  const clients: readonly DynamoDBClient[] = 'middlewareStack' in client ? [client as DynamoDBClient] : (client as readonly DynamoDBClient[]);
  const recorded: RecordedCall[] = [];
  for (const each of clients) {
    each.middlewareStack.add(
      (next, context) => (args) => {
        recorded.push({ operation: operationOf(context.commandName ?? 'unknown'), input: structuredClone(args.input) });
        return next(args);
      },
      { step: 'build', name: RECORDER },
    );
  }
  try {
    await action();
  } finally {
    for (const each of clients) each.middlewareStack.remove(RECORDER);
  }
  return recorded;
}

/**
 * The clients a tenant's requests go through: the shared one, and the tenant-scoped one (the local twin of the
 * tenant role, functions/adapters/dynamodb/tenant-scoped-client.ts), whose document client shares its stack.
 */
export async function handlerClients(tenantId: string): Promise<DynamoDBClient[]> {
  const scoped = await sharedTenantScopedClients().forTenant({ tenantId });
  const clients = [sharedDynamoDb().client, scoped as unknown as DynamoDBClient];
  return [...new Set(clients.map((client) => client.middlewareStack))].length === clients.length ? clients : [sharedDynamoDb().client];
}

/** What a call looks like, to show that the bare run sends the same thing: `TransactWriteItems [Put ×3, Update]`. */
export function shapeOf(call: RecordedCall): string {
  switch (call.operation) {
    case 'GetItem':
      return (call.input as GetItemCommandInput).ConsistentRead ? 'GetItem (consistent)' : 'GetItem (eventual)';
    case 'Query': {
      const query = call.input as QueryCommandInput;
      return `Query ${query.IndexName ?? 'table'} limit ${query.Limit ?? '∞'}`;
    }
    case 'TransactWriteItems': {
      const kinds = (call.input as TransactWriteItemsCommandInput).TransactItems?.map((item) => Object.keys(item)[0] ?? '?') ?? [];
      const counted = [...new Set(kinds)].map((kind) => {
        const count = kinds.filter((other) => other === kind).length;
        return count > 1 ? `${kind} ×${count}` : kind;
      });
      return `TransactWriteItems [${counted.join(', ')}]`;
    }
    default:
      return call.operation;
  }
}

/** Approximate request payload: the JSON of the marshalled input, which is what goes on the wire. */
export const payloadBytes = (calls: readonly RecordedCall[]): number =>
  calls.reduce((sum, call) => sum + Buffer.byteLength(JSON.stringify(call.input)), 0);
