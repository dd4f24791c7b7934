import { createServer, type Socket } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { PUBLIC } from '../../../domain/identity/access.js';
import { toErrorResponse } from '../../../functions/middleware/error-envelope.js';
import { createHttpHandler, type HttpEvent } from '../../../functions/middleware/http-handler.js';
import { defineRoute } from '../../../functions/middleware/route.js';
import { DYNAMODB_TIMEOUTS, dynamoDbClientConfig } from '../../../functions/adapters/dynamodb/client.js';

/** The shapes the AWS SDK v3 throws once its retries are spent (as seen from DynamoDB Local and DynamoDB). */
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code, syscall: 'connect', $metadata: { attempts: 3, totalRetryDelay: 120 } });
const serviceError = (name: string, httpStatusCode: number, fault: 'client' | 'server', extra: object = {}) =>
  Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode, attempts: 3, requestId: 'r' }, ...extra });

describe('issue 12 #5: a dependency outage is a 503 with Retry-After, a real bug stays 500', () => {
  it.each([
    ['connection refused', networkError('ECONNREFUSED')],
    ['connection reset', networkError('ECONNRESET')],
    ['broken pipe', networkError('EPIPE')],
    ['connect timeout', networkError('ETIMEDOUT')],
    ['SDK request timeout', Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError', $metadata: { attempts: 3 } })],
    ['throttling', serviceError('ThrottlingException', 400, 'client')],
    ['provisioned throughput exceeded', serviceError('ProvisionedThroughputExceededException', 400, 'client')],
    ['request limit exceeded', serviceError('RequestLimitExceeded', 400, 'client')],
    ['a transaction cancelled by throttling', serviceError('TransactionCanceledException', 400, 'client', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] })],
    ['DynamoDB failing on its side', serviceError('InternalServerError', 500, 'server')],
    ['service unavailable', serviceError('ServiceUnavailable', 503, 'server')],
  ])('%s → 503 DEPENDENCY_UNAVAILABLE with Retry-After', (_name, error) => {
    const answer = toErrorResponse(error, 'req-1');
    expect(answer).toMatchObject({ status: 503, known: true, body: { error: { code: 'DEPENDENCY_UNAVAILABLE' } } });
    expect(Number(answer.headers?.['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|8000|ECONN|Exception/);
  });

  it('recognises an outage wrapped by a library (Powertools idempotency keeps the SDK error as its cause)', () => {
    const wrapped = new Error('Failed to put record for already completed idempotency key', { cause: networkError('ECONNREFUSED') });
    expect(toErrorResponse(wrapped, 'r').status).toBe(503);
    const aggregate = new AggregateError([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')], 'all attempts failed');
    expect(toErrorResponse(aggregate, 'r').status).toBe(503);
  });

  it.each([
    ['a missing table (a wiring bug)', serviceError('ResourceNotFoundException', 400, 'client')],
    ['an invalid request (a code bug)', serviceError('ValidationException', 400, 'client')],
    ['a conditional check the adapter did not expect', serviceError('ConditionalCheckFailedException', 400, 'client')],
    ['a transaction cancelled by a condition', serviceError('TransactionCanceledException', 400, 'client', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] })],
    ['a plain error that merely says ECONNREFUSED, not from the SDK', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s stays 500 INTERNAL', (_name, error) => {
    expect(toErrorResponse(error, 'r')).toMatchObject({ status: 500, known: false, body: { error: { code: 'INTERNAL' } } });
  });

  it('the handler stack sends the Retry-After header with the envelope', async () => {
    const route = defineRoute({
      method: 'GET',
      path: '/api/v1/outage',
      access: PUBLIC,
      summary: 'fails as DynamoDB does when it is down',
      tags: ['test'],
      async handle() {
        throw networkError('ECONNREFUSED');
      },
    });
    const handler = createHttpHandler([route]);
    const event = {
      version: '2.0',
      routeKey: 'GET /api/v1/outage',
      rawPath: '/api/v1/outage',
      headers: {},
      requestContext: { requestId: 'req-9', http: { method: 'GET', path: '/api/v1/outage' } },
    } as unknown as HttpEvent;
    const context = { awsRequestId: 'req-9', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
    const response = await handler(event, context);
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: { code: 'DEPENDENCY_UNAVAILABLE' } });
  });
});

describe('issue 12 #5: the DynamoDB client gives up on a silent endpoint in bounded time', () => {
  it('its attempts, each bounded by connection and request timeouts, fit inside API Gateway’s 29 s', () => {
    const config = dynamoDbClientConfig({ ANZE_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' });
    expect(config.maxAttempts).toBe(DYNAMODB_TIMEOUTS.maxAttempts);
    expect(config.requestHandler).toMatchObject({ connectionTimeout: 1_000, requestTimeout: 6_000, throwOnRequestTimeout: true });
    expect(dynamoDbClientConfig({}).requestHandler).toEqual(config.requestHandler);
    expect(DYNAMODB_TIMEOUTS.maxAttempts * (DYNAMODB_TIMEOUTS.connectionTimeoutMs + DYNAMODB_TIMEOUTS.requestTimeoutMs)).toBeLessThan(25_000);
  });

  it('a DynamoDB that accepts connections and never answers → TimeoutError → 503, not a hung request', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const client = new DynamoDBClient({ ...dynamoDbClientConfig({ ANZE_DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}` }), maxAttempts: 1 });
    const started = Date.now();
    try {
      const error = await client.send(new GetItemCommand({ TableName: 'anze', Key: { PK: { S: 'a' }, SK: { S: 'b' } } })).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(Date.now() - started).toBeLessThan(DYNAMODB_TIMEOUTS.requestTimeoutMs + 2_000);
      expect(toErrorResponse(error, 'r')).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 15_000);
});
