import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityDirectory } from '../../functions/adapters/auth/cognito-identity-directory.js';
import { dynamoDbClientConfig, mainTableName, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../functions/adapters/dynamodb/platform.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { ensureOperator } from '../../functions/platform/ensure-operator.js';

/**
 * `npm run bootstrap:operator`, once after the first `cdk deploy`: creates the platform operator in the table
 * and in the Cognito user pool. Needs AWS credentials for the account and
 * - `ANZE_TABLE`: the main table's name (stack output of anze-<stage>-data),
 * - `ANZE_USER_POOL_ID`: the user pool (stack output of anze-<stage>-identity),
 * - `ANZE_OPERATOR_PASSWORD` (optional): else one is generated and printed once.
 */
async function main(): Promise<void> {
  const userPoolId = process.env.ANZE_USER_POOL_ID;
  if (!process.env.ANZE_TABLE || !userPoolId) {
    throw new Error('set ANZE_TABLE and ANZE_USER_POOL_ID (the data and identity stacks print them as outputs)');
  }
  const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), mainTableName(), systemClock);
  const outcome = await ensureOperator(
    new DynamoPlatformRepository(store),
    new CognitoIdentityDirectory(userPoolId),
    process.env.ANZE_OPERATOR_PASSWORD,
    systemClock.now(),
  );
  if (!outcome.created) console.log('The operator exists already; nothing to do.');
  else if (outcome.generatedPassword) console.log(`Operator created: operator / ${outcome.generatedPassword} (shown only this once)`);
  else console.log('Operator created with the password from ANZE_OPERATOR_PASSWORD.');
}

main().catch((error: unknown) => {
  console.error(`bootstrap failed: ${(error as Error).message}`);
  process.exit(1);
});
