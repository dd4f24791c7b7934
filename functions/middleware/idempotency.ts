import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { idempotencyTableName, sharedDynamoDb } from '../adapters/dynamodb/client.js';
import type { RouteResult } from './route.js';
import { HttpProblem } from './error-envelope.js';

/** What the idempotency record is keyed and checked on. */
interface IdempotentRequest {
  /** Caller scope + route + the client's `Idempotency-Key`: two tenants sending the same key never share a result. */
  readonly key: string;
  /** The parsed body: a retry that changes the body is a client bug, answered 409 rather than replayed. */
  readonly body: unknown;
}

let runner: ((request: IdempotentRequest, run: () => Promise<RouteResult>) => Promise<RouteResult>) | undefined;
let config: IdempotencyConfig | undefined;

function idempotentRunner() {
  if (!runner) {
    config = new IdempotencyConfig({
      eventKeyJmesPath: 'key',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: 24 * 3600,
      throwOnNoIdempotencyKey: true,
    });
    runner = makeIdempotent((_request: IdempotentRequest, run: () => Promise<RouteResult>) => run(), {
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: idempotencyTableName(),
        awsSdkV3Client: sharedDynamoDb().client,
      }),
      config,
      dataIndexArgument: 0,
    });
  }
  return { run: runner, config: config as IdempotencyConfig };
}

/**
 * Runs a POST once per `Idempotency-Key` (Powertools idempotency, DynamoDB persistence): a retry answers the
 * first result and writes nothing twice. A failed first attempt leaves no record, so its retry runs again.
 */
export async function runIdempotently(
  request: IdempotentRequest,
  context: Context,
  run: () => Promise<RouteResult>,
): Promise<RouteResult> {
  const idempotent = idempotentRunner();
  idempotent.config.registerLambdaContext(context);
  try {
    // The stored result must be plain JSON (no `undefined` members), as the replayed answer will be.
    return await idempotent.run(request, async () => JSON.parse(JSON.stringify(await run())) as RouteResult);
  } catch (error) {
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new HttpProblem(409, 'IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still being processed');
    }
    if (error instanceof IdempotencyValidationError) {
      throw new HttpProblem(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different body');
    }
    throw error;
  }
}
