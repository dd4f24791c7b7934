// Matchers for aws-sdk-client-mock (toHaveReceivedCommandWith …), loaded as TOOLCHAIN.md says.
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll } from 'vitest';
import { endDynamoDbLease } from './dynamodb-lease.js';

// The file's DynamoDB Local goes back to the pool after its last test (dynamodb-pool.ts).
afterAll(endDynamoDbLease);
