import { Duration } from 'aws-cdk-lib';
import { LambdaVersion, UserPoolOperation, type UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AnzeFunction } from './anze-function.js';
import { leadingKeysCondition } from './tenant-isolation-roles.js';

export const PRE_TOKEN_ENTRY = 'functions/identity/pre-token-generation.ts';
/** The sign-in records (functions/adapters/dynamodb/keys.ts `credential`): all the trigger may read. */
export const SIGN_IN_RECORD_KEYS = 'P#LOGIN#*';

/**
 * Concurrency reserved for sign-in (issue 21): Cognito calls the trigger for every token it issues, and an API
 * burst that took the account's whole concurrency would otherwise turn sign-ins and refreshes away. Twenty at
 * ~100 ms each is about 200 token issues a second, far past the platform's few thousand users.
 */
export const PRE_TOKEN_RESERVED_CONCURRENCY = 20;
/** The trigger's fixed name, which the API stack's alarms and dashboard name (no cross-stack export). */
export const preTokenFunctionName = (stage: string): string => `anze-${stage}-pre-token`;

export interface TokenClaimsTriggerProps {
  readonly stage: string;
  readonly userPool: UserPool;
  readonly table: ITableV2;
  readonly environment: Readonly<Record<string, string>>;
  readonly logLevel: string;
}

/**
 * The user pool's pre-token-generation trigger (V2_0 event, which the pool's Plus plan allows): adds the
 * role and user name from our table to each ID token and refuses tokens to disabled users
 * (functions/identity/pre-token-generation.ts). Its role may read sign-in records and nothing else: one
 * GetItem, conditioned on the partition key, on the table itself (no index, no query, no write) — and ask its
 * own pool whether a user has TOTP enabled (AdminGetUser, issue 21).
 */
export class TokenClaimsTrigger extends Construct {
  readonly function: AnzeFunction;

  constructor(scope: Construct, id: string, props: TokenClaimsTriggerProps) {
    super(scope, id);
    this.function = new AnzeFunction(this, 'Function', {
      entry: PRE_TOKEN_ENTRY,
      serviceName: 'pre-token',
      description: 'Cognito pre-token generation: role and status from the table',
      environment: props.environment,
      logLevel: props.logLevel,
      // Cognito waits 5 s for a trigger (and retries); a longer timeout would only hold a sign-in hostage.
      timeout: Duration.seconds(5),
      memorySize: 512,
      reservedConcurrency: PRE_TOKEN_RESERVED_CONCURRENCY,
      functionName: preTokenFunctionName(props.stage),
    });
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        conditions: leadingKeysCondition([SIGN_IN_RECORD_KEYS]),
      }),
    );
    props.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.function, LambdaVersion.V2_0);
    // Issue 21: whether an operator or regulator has TOTP enabled (functions/adapters/auth/cognito-authenticator-enrolments.ts),
    // on this pool only. A policy of its own, not the function's default one: the function depends on that one, the
    // pool on the function (its trigger), so naming the pool there would be a cycle.
    new Policy(this, 'MfaStatusPolicy', {
      roles: [this.function.role!],
      statements: [new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [props.userPool.userPoolArn] })],
    });
  }
}
