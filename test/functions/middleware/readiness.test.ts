import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbCalls } from '../../../functions/adapters/dynamodb/client.js';
import { readiness } from '../../../functions/http/platform/check-readiness.js';
import { health } from '../../../functions/http/platform/health.js';

/** A DynamoDB endpoint where nothing listens: every call is refused at once (loopback, port 1). */
beforeAll(() => {
  process.env.ANZE_DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
  process.env.ANZE_TABLE = 'anze-readiness-test';
});

const input = { params: {}, query: {}, body: undefined, principal: undefined, headers: {}, requestId: 'r' } as never;

describe('issue 12 #5: liveness and readiness are separate', () => {
  it('liveness stays ok without touching the table', async () => {
    const before = dynamoDbCalls().get('GetItemCommand') ?? 0;
    expect(await health.handle(input)).toMatchObject({ body: { status: 'ok' } });
    expect(dynamoDbCalls().get('GetItemCommand') ?? 0).toBe(before);
  });

  it('readiness answers 503 down with Retry-After while DynamoDB cannot be reached', async () => {
    const answer = await readiness.handle(input);
    expect(answer).toMatchObject({ status: 503, body: { status: 'down', checks: { dynamodb: 'down' } } });
    expect(answer.headers?.['retry-after']).toMatch(/^\d+$/);
  });

  it('API4: a flood of readiness checks costs one DynamoDB read a second, not one per request', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = dynamoDbCalls().get('GetItemCommand') ?? 0;
    const answers = await Promise.all(Array.from({ length: 50 }, () => readiness.handle(input)));
    expect(answers.every((answer) => answer.status === 503)).toBe(true);
    expect((dynamoDbCalls().get('GetItemCommand') ?? 0) - before).toBe(1);
  });
});
