import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  enterpriseRoleStatements,
  regulatorRoleStatements,
  tenantRoleStatements,
  type IsolationResources,
  type PolicyStatementJson,
} from '../../../infra/constructs/tenant-policy-documents.js';
import { schedulesStatements } from '../../../infra/constructs/schedules-policy-documents.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countCalls, dynamoDbClientConfig, mainTableName, sharedDynamoDb, toDocumentClient } from '../dynamodb/client.js';
import { traceSdkCalls } from '../../middleware/tracing.js';
import { IDEMPOTENCY_TABLE, MAIN_TABLE, type TableDefinition } from '../dynamodb/table-definition.js';
import { logger } from '../../middleware/observability.js';
import { dynamoDbAuthorisations } from './dynamodb-requests.js';
import { evaluate } from './evaluate.js';
import { indexKeysWritten, tenantMayWriteIndexKey } from './gsi-keys.js';

/**
 * The local IAM twin (ARCHITECTURE.md §3 and §8, issue 21): where no role can be assumed — `npm start` and the
 * tests — a tenant-scoped or regulator client still meets layer 2. Before each call leaves the client, the
 * request IAM would authorise is evaluated against the very statements the CDK app puts in the tenant and
 * regulator roles (infra/constructs/tenant-policy-documents.ts), with the session's tags; a refusal fails as
 * DynamoDB's AccessDeniedException would, so a layer-1 key bug shows up here instead of first on AWS.
 *
 * On by default; `ANZE_LOCAL_IAM=off` turns it off.
 */

/** Not a real account: the twin builds both the policy's and the request's ARNs with it. */
const LOCAL_ACCOUNT = '000000000000';
const LOCAL_ARCHIVE_BUCKET = 'anze-archive-local';

export const localIamEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.ANZE_LOCAL_IAM?.toLowerCase() !== 'off';

const tableArnOf = (tableName: string, env: NodeJS.ProcessEnv = process.env): string =>
  `arn:aws:dynamodb:${env.AWS_REGION ?? 'cn-north-1'}:${LOCAL_ACCOUNT}:table/${tableName}`;

/** The resources the role documents name, locally: the main table of this process (`ANZE_TABLE`) and its indexes. */
export function localIsolationResources(env: NodeJS.ProcessEnv = process.env): IsolationResources {
  const tableArn = tableArnOf(mainTableName(env), env);
  return {
    tableArn,
    indexArns: MAIN_TABLE.globalIndexes.map((index) => `${tableArn}/index/${index.indexName}`),
    archiveBucketArn: `arn:aws:s3:::${LOCAL_ARCHIVE_BUCKET}`,
  };
}

/** A scoped session as the twin sees it: whose it is (for the message), its tags and its role's statements. */
export interface TwinSession {
  /** e.g. `tenant/tenant-a`, `regulator-read`. */
  readonly name: string;
  /** `schedules`: the schedules function's own role (infra/constructs/schedules-policy-documents.ts, issue 21). */
  readonly role: 'tenant' | 'regulator' | 'enterprise' | 'schedules';
  readonly principalTags: Readonly<Record<string, string>>;
}

const statementsByRole = new Map<string, PolicyStatementJson[]>();

/** A role's statements for this process's resources, built once per role and table (they are pure data). */
const statementsOf = (session: TwinSession, resources: IsolationResources): PolicyStatementJson[] => {
  const id = `${session.role}|${resources.tableArn}|${resources.archiveBucketArn}`;
  let statements = statementsByRole.get(id);
  if (!statements) statementsByRole.set(id, (statements = statementsFor(session, resources)));
  return statements;
};

const statementsFor = (session: TwinSession, resources: IsolationResources): PolicyStatementJson[] =>
  session.role === 'tenant'
    ? tenantRoleStatements(resources)
    : session.role === 'regulator'
      ? regulatorRoleStatements(resources)
      : session.role === 'enterprise'
        ? enterpriseRoleStatements(resources)
        : schedulesStatements(resources);

function definitionOf(tableName: string): TableDefinition | undefined {
  if (tableName === mainTableName()) return MAIN_TABLE;
  return tableName === (process.env.ANZE_IDEMPOTENCY_TABLE ?? IDEMPOTENCY_TABLE.defaultPhysicalName) ? IDEMPOTENCY_TABLE : undefined;
}

/** The error DynamoDB answers a call IAM refused with: a client fault, HTTP 400, not retried. */
export interface AccessDenied extends Error {
  readonly name: 'AccessDeniedException';
  readonly $fault: 'client';
  readonly $metadata: { readonly httpStatusCode: 400; readonly attempts: 1 };
  readonly localIamTwin: true;
}

export function accessDenied(message: string): AccessDenied {
  return Object.assign(new Error(message), {
    name: 'AccessDeniedException' as const,
    $fault: 'client' as const,
    $metadata: { httpStatusCode: 400 as const, attempts: 1 as const },
    localIamTwin: true as const,
  });
}

/** Per statement set (one per role and table, see statementsOf): the answers given so far. */
const decisionsOf = new WeakMap<readonly PolicyStatementJson[], Map<string, boolean>>();
const MAX_DECISIONS = 10_000;

/**
 * IAM's answer for one request, remembered: it is a pure function of the role's statements, the session's tags
 * and the request (action, resource, leading keys), and a handler asks the same few questions on every call of
 * the same route — evaluating them again cost about 90 µs a call, which on AWS IAM spends on its side.
 */
function decided(statements: readonly PolicyStatementJson[], session: TwinSession, request: { action: string; resource: string; leadingKeys?: readonly string[] }): { allowed: boolean } {
  let decisions = decisionsOf.get(statements);
  if (!decisions) decisionsOf.set(statements, (decisions = new Map()));
  const id = JSON.stringify([session.principalTags, request.action, request.resource, request.leadingKeys ?? null]);
  const known = decisions.get(id);
  if (known !== undefined) return { allowed: known };
  const { allowed } = evaluate(statements, {
    action: request.action,
    resource: request.resource,
    principalTags: session.principalTags,
    conditionKeys: request.leadingKeys ? { 'dynamodb:LeadingKeys': [...request.leadingKeys] } : {},
  });
  if (decisions.size >= MAX_DECISIONS) decisions.clear();
  decisions.set(id, allowed);
  return { allowed };
}

/**
 * Throws what IAM would answer if `session` may not make this call. Exported for the unit tests; the middleware
 * below is its one caller at run time.
 */
export function authoriseDynamoDbCall(session: TwinSession, commandName: string, input: Record<string, unknown>): void {
  const resources = localIsolationResources();
  const statements = statementsOf(session, resources);
  const roleArn = `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/anze-${session.role}/${session.name}`;
  for (const request of dynamoDbAuthorisations(commandName, input, { tableArn: (name) => tableArnOf(name), definitionOf })) {
    const decision = decided(statements, session, request);
    if (decision.allowed) continue;
    // Layer 1 built a key its caller may not touch: a bug to fix, logged loudly (the answer is a 500 INTERNAL,
    // as an AccessDenied from AWS is today — functions/middleware/error-envelope.ts).
    logger.error('local IAM twin refused a DynamoDB call (isolation layer 2, ARCHITECTURE.md §3): a layer-1 key bug', {
      session: session.name,
      principalTags: session.principalTags,
      command: commandName,
      action: request.action,
      resource: request.resource,
      leadingKeys: request.leadingKeys,
    });
    throw accessDenied(
      `User: ${roleArn} is not authorized to perform: ${request.action} on resource: ${request.resource} because no identity-based policy allows the ${request.action} action` +
        ` (local IAM twin; dynamodb:LeadingKeys ${JSON.stringify(request.leadingKeys ?? null)})`,
    );
  }
}

/**
 * Issue 21, the index keys a tenant session writes (./gsi-keys.ts): under its own `T#<tenantId>#` prefix or a
 * documented cross-tenant view — IAM cannot check a non-key attribute's value, so this is the key builders'
 * invariant, checked locally on every write and failing like a refusal would. Exported for the unit tests.
 */
export function checkIndexKeysWritten(session: TwinSession, commandName: string, input: Record<string, unknown>): void {
  const tenantId = session.principalTags.tenantId;
  if (session.role !== 'tenant' || tenantId === undefined) return;
  for (const key of indexKeysWritten(commandName, input)) {
    if (tenantMayWriteIndexKey(tenantId, key)) continue;
    logger.error('local IAM twin refused a write: an index key outside the tenant and not a documented cross-tenant view (issue 21, a layer-1 key bug)', {
      session: session.name,
      command: commandName,
      index: key.index,
      value: key.value,
    });
    throw accessDenied(
      `${session.name} may not write ${key.index}PK ${JSON.stringify(key.value)}: neither under T#${tenantId}# nor a documented cross-tenant view` +
        ' (local IAM twin: the key builders\' invariant, functions/adapters/iam-twin/gsi-keys.ts)',
    );
  }
}

/**
 * Adds the twin to a client's middleware stack, at the `initialize` step after the document client's marshalling
 * (so keys arrive as `{S: …}`), before anything is sent.
 */
export function withLocalIam<C extends DynamoDBClient>(client: C, session: TwinSession): C {
  client.middlewareStack.add(
    // async: a refusal is a rejected send(), as a refusal from AWS is, never a synchronous throw.
    (next, context) => async (args) => {
      authoriseDynamoDbCall(session, context.commandName ?? 'unknown', args.input as Record<string, unknown>);
      checkIndexKeysWritten(session, context.commandName ?? 'unknown', args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'initialize', priority: 'low', name: 'anzeLocalIamTwin' },
  );
  return client;
}

/**
 * A DynamoDB client for `session` with the twin in its stack. It sends through the shared client's connection
 * pool: a test process makes clients for hundreds of tenants, and each would otherwise open its own sockets.
 */
export function localTwinClient(session: TwinSession): DynamoDBClient {
  const client = new DynamoDBClient({ ...dynamoDbClientConfig(), requestHandler: sharedDynamoDb().client.config.requestHandler });
  return withLocalIam(traceSdkCalls(countCalls(client), 'DynamoDB'), session);
}

/** The archive actions the role documents name (S3 authorises HeadObject as s3:GetObject). */
export type ArchiveAction = 's3:GetObject' | 's3:PutObject' | 's3:GetObjectRetention' | 's3:PutObjectRetention' | 's3:DeleteObject';

/**
 * The prefix check of the archive half of layer 2: throws S3's `AccessDenied` (403) if `session` may not do
 * `action` on object `key` under the roles' statements. Its caller is the local archive store of a session
 * (./archive-twin.ts), whose tenant comes from the caller's token, never from the key.
 */
export function authoriseArchiveCall(session: TwinSession, action: ArchiveAction, key: string): void {
  const resources = localIsolationResources();
  const resource = `${resources.archiveBucketArn}/${key}`;
  const decision = evaluate(statementsOf(session, resources), { action, resource, principalTags: session.principalTags, conditionKeys: {} });
  if (decision.allowed) return;
  logger.error('local IAM twin refused an archive call (isolation layer 2, ARCHITECTURE.md §3): a layer-1 key bug', {
    session: session.name,
    principalTags: session.principalTags,
    action,
    resource,
  });
  throw Object.assign(accessDenied(`Access Denied: ${session.name} may not ${action} ${resource} (local IAM twin)`), {
    name: 'AccessDenied',
    $metadata: { httpStatusCode: 403, attempts: 1 },
  });
}

/**
 * The schedules function's table client (issue 21): on AWS its own role, whose grants are schedulesStatements; locally
 * (and in the tests) the shared pool behind the twin evaluating those very statements, so a sweep that reaches a key
 * shape its role is not granted fails here as it would on AWS. On AWS (no local endpoint, `ANZE_DYNAMODB_ENDPOINT`)
 * or with `ANZE_LOCAL_IAM=off`: the shared client.
 */
export function schedulesDynamoDb(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  if (!env.ANZE_DYNAMODB_ENDPOINT || !localIamEnabled(env)) return sharedDynamoDb().doc;
  return (schedulesClient ??= toDocumentClient(localTwinClient({ name: 'schedules', role: 'schedules', principalTags: {} })));
}
let schedulesClient: DynamoDBDocumentClient | undefined;
