import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CognitoIdentityDirectory } from '../../functions/adapters/auth/cognito-identity-directory.js';
import { verifyPassword } from '../../functions/adapters/auth/password.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../functions/adapters/dynamodb/platform.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { ensureOperator } from '../../functions/platform/ensure-operator.js';
import { ensureTable } from '../../infra/local/tables.js';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { dynamoDbEndpoint } from '../support/dynamodb-lease.js';

/** `npm run bootstrap:operator` on AWS: the table is real (DynamoDB Local), Cognito is mocked at the SDK. */
const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'cn-north-1_AnzeBoot';
let repository: DynamoPlatformRepository;
let client: DynamoDBClient;

beforeAll(async () => {
  process.env.ANZE_DYNAMODB_ENDPOINT = await dynamoDbEndpoint();
  client = new DynamoDBClient(dynamoDbClientConfig());
  const table = `boot${randomBytes(4).toString('hex')}-anze-main`;
  await ensureTable(client, MAIN_TABLE, table);
  repository = new DynamoPlatformRepository(new Store(toDocumentClient(client), table, systemClock));
});
afterAll(() => client?.destroy());
beforeEach(() => cognito.reset());

describe('the operator bootstrap after a deployment', () => {
  const directory = () => new CognitoIdentityDirectory(POOL, new CognitoIdentityProviderClient({ region: 'cn-north-1' }));

  it('keeps the operator pending when Cognito fails, then finishes the registration on a rerun', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new InternalErrorException({ message: 'down', $metadata: {} }));
    await expect(ensureOperator(repository, directory(), 'Operator-aws-2026', new Date())).rejects.toThrow();
    expect((await repository.getCredential('operator'))?.identityPending).toBe(true);

    cognito.reset();
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito.on(AdminSetUserPasswordCommand).resolves({});
    await expect(ensureOperator(repository, directory(), undefined, new Date())).rejects.toThrow(/ANZE_OPERATOR_PASSWORD/);
    const outcome = await ensureOperator(repository, directory(), 'Operator-aws-2027', new Date());
    expect(outcome).toEqual({ created: true });
    const credential = await repository.getCredential('operator');
    expect(credential?.identityPending).toBe(false);
    expect(await verifyPassword('Operator-aws-2027', credential?.passwordHash ?? '')).toBe(true);
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
      UserPoolId: POOL,
      Username: 'operator',
      MessageAction: 'SUPPRESS',
      UserAttributes: expect.arrayContaining([{ Name: 'custom:userId', Value: credential?.principal.userId }]),
    });
    expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, {
      UserPoolId: POOL,
      Username: 'operator',
      Password: 'Operator-aws-2027',
      Permanent: true,
    });
  });

  it('does nothing once the operator exists', async () => {
    expect(await ensureOperator(repository, directory(), 'Operator-aws-2028', new Date())).toEqual({ created: false });
    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 0);
  });
});
