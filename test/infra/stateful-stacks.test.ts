import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../domain/identity/principal.js';
import { IDEMPOTENCY_TABLE, MAIN_TABLE, type TableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { ARCHIVE_RETENTION_DAYS, ARCHIVE_UPLOAD_HEADERS, consoleOrigins } from '../../infra/stacks/data-stack.js';
import { PASSWORD_POLICY } from '../../domain/platform/credentials.js';
import { CUSTOM_ATTRIBUTES } from '../../infra/stacks/identity-stack.js';
import { SIGN_IN_RECORD_KEYS } from '../../infra/constructs/token-claims-trigger.js';
import {
  asArray,
  referencedLogicalId,
  resourceByPrefix,
  resourcesOfType,
  statementsOfRole,
  synthAnze,
} from './synth.js';

// The stateful stacks (DataStack, IdentityStack) as prod has them (retained, locked five years, Plus): one
// synth for both. What other stages change is test/infra/operations.test.ts's.
const { templates, stacks } = synthAnze({ context: { stage: 'prod', sesFromEmail: 'no-reply@anze.example.cn', sesRegion: 'ap-southeast-1' } });
const data = templates.data;
const identity = templates.identity;

const keySchemaOf = (definition: TableDefinition) => [
  { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
  ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
];

/** Every attribute a key or index names, with its type, as CloudFormation lists them. */
const attributeDefinitionsOf = (definition: TableDefinition) => {
  const keys = [
    definition.partitionKey,
    ...(definition.sortKey ? [definition.sortKey] : []),
    ...definition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return keys.map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
};

describe('DataStack: the main table, built from the shared definition', () => {
  const [, table] = resourceByPrefix(data, 'AWS::DynamoDB::GlobalTable', 'MainTable');

  it('has the keys, attribute types and GSIs of MAIN_TABLE', () => {
    expect(table.Properties?.KeySchema).toEqual(keySchemaOf(MAIN_TABLE));
    expect(table.Properties?.AttributeDefinitions).toEqual(expect.arrayContaining(attributeDefinitionsOf(MAIN_TABLE)));
    expect(table.Properties?.GlobalSecondaryIndexes).toEqual(
      MAIN_TABLE.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('is on-demand, with TTL, a NEW_IMAGE stream, PITR, deletion protection, and retained', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: keySchemaOf(MAIN_TABLE),
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: MAIN_TABLE.timeToLiveAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: MAIN_TABLE.stream },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('DataStack: the idempotency table', () => {
  it('is keyed and expires as IDEMPOTENCY_TABLE says, without a stream', () => {
    const [, table] = resourceByPrefix(data, 'AWS::DynamoDB::GlobalTable', 'IdempotencyTable');
    expect(table.Properties?.KeySchema).toEqual(keySchemaOf(IDEMPOTENCY_TABLE));
    expect(table.Properties?.TimeToLiveSpecification).toEqual({
      AttributeName: IDEMPOTENCY_TABLE.timeToLiveAttribute,
      Enabled: true,
    });
    expect(table.Properties?.StreamSpecification).toBeUndefined();
    expect(table.Properties?.BillingMode).toBe('PAY_PER_REQUEST');
  });
});

describe('DataStack: the archive bucket (ARCHITECTURE.md §7)', () => {
  const [archiveId, archive] = resourceByPrefix(data, 'AWS::S3::Bucket', 'ArchiveBucket');

  it('locks objects in COMPLIANCE mode for five years (1825 days)', () => {
    expect(ARCHIVE_RETENTION_DAYS).toBe(1825);
    expect(archive.Properties?.ObjectLockEnabled).toBe(true);
    expect(archive.Properties?.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1825 } },
    });
  });

  it('moves evidence to Intelligent-Tiering on arrival, under the same lock (issue 20: the five years of storage dominate its cost)', () => {
    expect(archive.Properties?.LifecycleConfiguration).toEqual({
      Rules: [
        { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' },
        { Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }], Status: 'Enabled' },
      ],
    });
  });

  it('is versioned, encrypted, private, logged and retained', () => {
    expect(archive.Properties?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(archive.Properties?.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(archive.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(archive.Properties?.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'archive/' });
    expect(archive.DeletionPolicy).toBe('Retain');
  });

  it('SVC-13 lets the console PUT presigned uploads (CORS: PUT only, exactly the signed headers)', () => {
    expect(archive.Properties?.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://*.cloudfront.net'],
          AllowedMethods: ['PUT'],
          AllowedHeaders: [...ARCHIVE_UPLOAD_HEADERS],
          ExposedHeaders: ['etag', 'x-amz-checksum-sha256', 'x-amz-version-id'],
          MaxAge: 600,
        },
      ],
    });
    expect(ARCHIVE_UPLOAD_HEADERS).toEqual(
      expect.arrayContaining(['content-type', 'if-none-match', 'x-amz-checksum-sha256', 'x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date']),
    );
  });

  it('SVC-13 with a custom domain allows that origin only, plus the configured corsOrigins', () => {
    expect(consoleOrigins({ customDomain: { domainName: 'anze.example.cn' }, corsOrigins: ['https://ops.example.cn'] })).toEqual([
      'https://anze.example.cn',
      'https://ops.example.cn',
    ]);
  });

  it('refuses plain-HTTP requests (enforceSSL)', () => {
    const policies = Object.values(resourcesOfType(data, 'AWS::S3::BucketPolicy')).filter(
      (policy) => JSON.stringify(policy.Properties?.Bucket) === JSON.stringify({ Ref: archiveId }),
    );
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });
});

describe('DataStack: the event bus', () => {
  it('is named after its stage (anze-prod), so two stages can share an account', () => {
    data.hasResourceProperties('AWS::Events::EventBus', { Name: 'anze-prod' });
  });
});

const [, userPool] = resourceByPrefix(identity, 'AWS::Cognito::UserPool', 'UserPool');

interface SchemaAttribute {
  readonly Name: string;
  readonly Mutable?: boolean;
  readonly AttributeDataType?: string;
}
const schema = (userPool.Properties?.Schema ?? []) as SchemaAttribute[];

describe('IdentityStack: the user pool', () => {
  it('has an immutable custom attribute for every custom:* claim the application reads, except the role and the token version', () => {
    const claimed = Object.values(CLAIMS)
      .filter((claim) => claim.startsWith('custom:'))
      .map((claim) => claim.slice('custom:'.length));
    // The role and the token version (issue 12 #1) change, so the token trigger adds them from the table; every other
    // claim is the binding.
    const issuedByTrigger: string[] = [CLAIMS.role, CLAIMS.tokenVersion];
    expect(claimed.filter((name) => !issuedByTrigger.includes(`custom:${name}`)).sort()).toEqual(Object.keys(CUSTOM_ATTRIBUTES).sort());
    for (const name of Object.keys(CUSTOM_ATTRIBUTES)) {
      expect(schema.find((attribute) => attribute.Name === name)).toMatchObject({ Mutable: false, AttributeDataType: 'String' });
    }
  });

  it('binds our user id as immutable custom:userId and has no custom:role attribute', () => {
    expect(CLAIMS.userId).toBe('custom:userId');
    expect(schema.find((attribute) => attribute.Name === 'userId')).toMatchObject({ Mutable: false, AttributeDataType: 'String' });
    expect(schema.find((attribute) => attribute.Name === 'role')).toBeUndefined();
  });

  it('has exactly the password policy the API checks (PASSWORD_POLICY)', () => {
    expect((userPool.Properties?.Policies as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy).toEqual({
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: PASSWORD_POLICY.requireLowercase,
      RequireUppercase: PASSWORD_POLICY.requireUppercase,
      RequireNumbers: PASSWORD_POLICY.requireDigits,
      RequireSymbols: PASSWORD_POLICY.requireSymbols,
      TemporaryPasswordValidityDays: 3,
    });
  });

  it('lets only administrators create users, with a strong password policy and optional MFA', () => {
    expect(userPool.Properties?.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(userPool.Properties?.MfaConfiguration).toBe('OPTIONAL');
    expect(userPool.Properties?.Policies).toMatchObject({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    });
    expect(userPool.Properties?.UserPoolTier).toBe('PLUS');
    expect(userPool.Properties?.DeletionProtection).toBe('ACTIVE');
    expect(userPool.DeletionPolicy).toBe('Retain');
  });
});

describe('IdentityStack: the console app client', () => {
  it('is public (no secret), signs in with SRP only (issue 21: never USER_PASSWORD_AUTH), and cannot write custom attributes', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const [, client] = resourceByPrefix(identity, 'AWS::Cognito::UserPoolClient', 'UserPoolSpaClient');
    expect(client.Properties?.ExplicitAuthFlows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    const writable = client.Properties?.WriteAttributes as string[];
    expect(writable.filter((name) => name.startsWith('custom:'))).toEqual([]);
    const readable = client.Properties?.ReadAttributes as string[];
    expect(readable).toEqual(expect.arrayContaining(Object.keys(CUSTOM_ATTRIBUTES).map((name) => `custom:${name}`)));
  });
});

describe('IdentityStack: the pre-token-generation trigger', () => {
  const [functionId, fn] = resourceByPrefix(identity, 'AWS::Lambda::Function', 'TokenClaimsFunction');

  it('is wired to the pool with the V2_0 event (role and user name from the table into each token)', () => {
    expect(userPool.Properties?.LambdaConfig).toEqual({
      PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [functionId, 'Arn'] }, LambdaVersion: 'V2_0' },
    });
    const permissions = Object.values(resourcesOfType(identity, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
    });
    expect(referencedLogicalId(permissions[0]?.Properties?.SourceArn)).toBe(resourceByPrefix(identity, 'AWS::Cognito::UserPool', 'UserPool')[0]);
  });

  it('answers within Cognito’s 5 s limit and reads the main table named in its environment', () => {
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Timeout: 5 });
    const environment = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(environment.POWERTOOLS_SERVICE_NAME).toBe('anze-pre-token');
    expect(JSON.stringify(environment.ANZE_TABLE)).toContain('MainTable');
  });

  it('may read sign-in records (P#LOGIN#*) with GetItem and nothing else of any table', () => {
    const roleId = referencedLogicalId(fn.Properties?.Role);
    const dynamo = statementsOfRole(identity, roleId ?? '').filter((statement) =>
      asArray(statement.Action).some((action) => action.startsWith('dynamodb:')),
    );
    expect(SIGN_IN_RECORD_KEYS).toBe('P#LOGIN#*');
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Condition: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#LOGIN#*'] },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    });
    const resource = JSON.stringify(dynamo[0]?.Resource);
    expect(resource).toContain('MainTable');
    expect(resource).not.toContain('index');
  });

  it('issue 21: may call cognito-idp:AdminGetUser on its own pool only (is TOTP enabled?), and no other Cognito action', () => {
    const roleId = referencedLogicalId(fn.Properties?.Role);
    const cognito = statementsOfRole(identity, roleId ?? '').filter((statement) =>
      asArray(statement.Action).some((action) => action.startsWith('cognito-idp:')),
    );
    const [poolId] = resourceByPrefix(identity, 'AWS::Cognito::UserPool', 'UserPool');
    expect(cognito).toEqual([{ Effect: 'Allow', Action: 'cognito-idp:AdminGetUser', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } }]);
  });

  it('keeps the stacks in order data → identity → api, with no cycle', () => {
    expect(stacks.data.dependencies).toEqual([]);
    expect(stacks.identity.dependencies).toEqual([stacks.data]);
    expect(stacks.api.dependencies).toEqual(expect.arrayContaining([stacks.data, stacks.identity]));
  });
});
