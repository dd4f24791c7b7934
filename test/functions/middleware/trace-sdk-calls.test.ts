import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sdkCallTracing, traceSdkCalls } from '../../../functions/middleware/tracing.js';

/** A stand-in for Powertools Tracer: records the sub-segments opened under the invocation's segment. */
const xray = vi.hoisted(() => {
  const opened: { name: string; namespace?: string; errors: unknown[]; closed: boolean }[] = [];
  const segment = {
    addNewSubsegment(name: string) {
      const sub = { name, namespace: undefined as string | undefined, errors: [] as unknown[], closed: false };
      opened.push(sub);
      return Object.assign(sub, { addError: (error: unknown) => void sub.errors.push(error), close: () => void (sub.closed = true) });
    },
  };
  return { opened, segment };
});
vi.mock('@aws-lambda-powertools/tracer', () => ({
  Tracer: class {
    getSegment() {
      return xray.segment;
    }
  },
}));

/** A real client whose calls end before the network: the serialize step answers (or fails) itself. */
function offlineClient(fail?: Error): DynamoDBClient {
  const client = new DynamoDBClient({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 's' } });
  client.middlewareStack.add(
    () => async () => {
      if (fail) throw fail;
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'serialize', name: 'offline' },
  );
  return client;
}

describe('issue 21: the tracer records a sub-segment per SDK call', () => {
  beforeEach(() => {
    xray.opened.length = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  it('opens and closes DynamoDB.GetItem (namespace aws) under the invocation’s segment when tracing is on', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'anze-dev-fees');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    const client = traceSdkCalls(offlineClient(), 'DynamoDB');
    await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
    expect(xray.opened).toEqual([expect.objectContaining({ name: 'DynamoDB.GetItem', namespace: 'aws', errors: [], closed: true })]);
  });

  it('records the error of a failed call on its sub-segment and still fails the call', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'anze-dev-fees');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    const refused = new Error('AccessDeniedException');
    const client = traceSdkCalls(offlineClient(refused), 'DynamoDB');
    await expect(client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }))).rejects.toBe(refused);
    expect(xray.opened).toEqual([expect.objectContaining({ name: 'DynamoDB.GetItem', errors: [refused], closed: true })]);
  });

  it('opens nothing where tracing is off (locally, in tests)', async () => {
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const client = traceSdkCalls(offlineClient(), 'DynamoDB');
    await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
    expect(xray.opened).toEqual([]);
  });

  it('as a client plugin applied at every call (the STS client of fromTemporaryCredentials), traces each call once', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'anze-dev-fees');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    const client = offlineClient();
    const plugin = sdkCallTracing('STS');
    client.middlewareStack.use(plugin);
    client.middlewareStack.use(plugin);
    await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
    expect(xray.opened).toEqual([expect.objectContaining({ name: 'STS.GetItem', closed: true })]);
  });
});
