import { describe, expect, it } from 'vitest';
import { isApiKeyRoute, isPublicRoute } from '../../functions/http/access-matrix.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { routeKeyOf } from '../../functions/middleware/route.js';

import { PUBLIC_ROUTE_THROTTLE, EXPENSIVE_ROUTE_THROTTLE, isExpensiveRoute, STAGE_THROTTLE } from '../../infra/constructs/anze-http-api.js';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';
import { COGNITO_ADMIN_ACTIONS } from '../../infra/stacks/context-permissions.js';
import { asArray, referencedLogicalId, resourcesOfType, statementsOfRole, synthAnze, type CfnResource } from './synth.js';

const { templates } = synthAnze();
const api = templates.api;

const functions = resourcesOfType(api, 'AWS::Lambda::Function');
const environmentOf = (fn: CfnResource): Record<string, unknown> =>
  ((fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
/** Logical id of the function whose Powertools service name is `anze-<name>`. */
function functionIdOf(serviceName: string): string {
  const ids = Object.entries(functions)
    .filter(([, fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME === `anze-${serviceName}`)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one function for ${serviceName}, found ${ids.length}`);
  return ids[0] as string;
}
const roleIdOf = (functionId: string): string => {
  const roleId = referencedLogicalId(functions[functionId]?.Properties?.Role);
  if (!roleId) throw new Error(`function ${functionId} has no role of this stack`);
  return roleId;
};

const allRoutes = BOUNDED_CONTEXTS.flatMap((context) => context.routes.map((route) => ({ context, route })));

describe('ApiStack: one Lambda function per bounded context', () => {
  it('deploys each context of functions/http/contexts.ts, plus the relay, the schedules, the projections, the notifications and the provincial sync (SYNC-1) functions, and the webhook fan-out and delivery (issue 17)', () => {
    expect(Object.keys(functions)).toHaveLength(BOUNDED_CONTEXTS.length + 7);
    for (const context of BOUNDED_CONTEXTS) expect(functionIdOf(context.name)).toBeTruthy();
    expect(functionIdOf('relay')).toBeTruthy();
    expect(functionIdOf('schedules')).toBeTruthy();
    expect(functionIdOf('projections')).toBeTruthy();
    expect(functionIdOf('provincial-sync')).toBeTruthy();
    expect(functionIdOf('webhook-fanout')).toBeTruthy();
    expect(functionIdOf('webhook-delivery')).toBeTruthy();
  });

  it('runs every function on nodejs22.x, ARM64, with active tracing and the anze environment', () => {
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
      expect(Object.keys(environmentOf(fn))).toEqual(
        expect.arrayContaining(['ANZE_TABLE', 'ANZE_IDEMPOTENCY_TABLE', 'ANZE_ARCHIVE_BUCKET', 'ANZE_EVENT_BUS', 'POWERTOOLS_LOG_LEVEL']),
      );
    }
  });

  it('tells every context function which scoped roles to assume', () => {
    for (const context of BOUNDED_CONTEXTS) {
      const environment = environmentOf(functions[functionIdOf(context.name)] as CfnResource);
      expect(referencedLogicalId(environment.ANZE_TENANT_ROLE_ARN)).toMatch(/^IsolationTenantScopedRole/);
      expect(referencedLogicalId(environment.ANZE_REGULATOR_ROLE_ARN)).toMatch(/^IsolationRegulatorReadRole/);
      expect(referencedLogicalId(environment.ANZE_ENTERPRISE_ROLE_ARN)).toMatch(/^IsolationEnterpriseReadRole/);
    }
  });
});

describe('ApiStack: the platform function and the user pool', () => {
  it('may register and update identities (COGNITO_ADMIN_ACTIONS, AdminSetUserPassword included) in the pool only', () => {
    const platformId = functionIdOf('platform');
    const cognito = statementsOfRole(api, roleIdOf(platformId)).filter((statement) =>
      asArray(statement.Action).some((action) => action.startsWith('cognito-idp:')),
    );
    expect(cognito).toHaveLength(1);
    expect(new Set(asArray(cognito[0]?.Action ?? []))).toEqual(new Set(COGNITO_ADMIN_ACTIONS));
    expect(COGNITO_ADMIN_ACTIONS).toContain('cognito-idp:AdminSetUserPassword');
    expect(JSON.stringify(cognito[0]?.Resource)).toContain('UserPool');
    expect(JSON.stringify(cognito[0]?.Resource)).not.toContain('*');
    // The directory is Cognito exactly where the pool is named (functions/adapters/auth/identity-directory-from-env.ts).
    expect(JSON.stringify(environmentOf(functions[platformId] as CfnResource).ANZE_USER_POOL_ID)).toContain('UserPool');
  });
});

describe('ApiStack: the HTTP API routes', () => {
  const routes = Object.values(resourcesOfType(api, 'AWS::ApiGatewayV2::Route'));
  const routeByKey = new Map(routes.map((route) => [route.Properties?.RouteKey as string, route]));
  const authorizers = resourcesOfType(api, 'AWS::ApiGatewayV2::Authorizer');
  const integrations = resourcesOfType(api, 'AWS::ApiGatewayV2::Integration');

  it('has exactly one route per RouteSpec', () => {
    expect(routes).toHaveLength(allRoutes.length);
    expect([...routeByKey.keys()].sort()).toEqual(allRoutes.map(({ route }) => routeKeyOf(route)).sort());
  });

  it.each(allRoutes.map(({ context, route }) => [routeKeyOf(route), context.name] as const))(
    '%s goes to the %s function, with the JWT authoriser unless the access matrix makes it public',
    (routeKey, contextName) => {
      const route = routeByKey.get(routeKey);
      const target = JSON.stringify(route?.Properties?.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
      expect(referencedLogicalId(integrations[integrationId ?? '']?.Properties?.IntegrationUri)).toBe(functionIdOf(contextName));

      // MON-2: a data source's route has no JWT authoriser either; its handler checks the API key.
      if (isPublicRoute(routeKey) || isApiKeyRoute(routeKey)) {
        expect(route?.Properties?.AuthorizationType).toBe('NONE');
        expect(route?.Properties?.AuthorizerId).toBeUndefined();
      } else {
        expect(route?.Properties?.AuthorizationType).toBe('JWT');
        expect(Object.keys(authorizers)).toContain(referencedLogicalId(route?.Properties?.AuthorizerId));
      }
    },
  );

  it('verifies Cognito ID tokens: issuer is the user pool, audience the console client', () => {
    const [authorizer] = Object.values(authorizers);
    expect(Object.keys(authorizers)).toHaveLength(1);
    expect(authorizer?.Properties?.AuthorizerType).toBe('JWT');
    const jwt = JSON.stringify(authorizer?.Properties?.JwtConfiguration);
    expect(jwt).toContain('UserPoolSpaClient');
    expect(jwt).toContain('ProviderURL');
  });

  it('logs every request and throttles the stage, public routes tighter', () => {
    const [stage] = Object.values(resourcesOfType(api, 'AWS::ApiGatewayV2::Stage'));
    expect(stage?.Properties?.StageName).toBe('$default');
    expect(stage?.Properties?.AccessLogSettings).toMatchObject({ Format: expect.stringContaining('$context.requestId') });
    expect(referencedLogicalId((stage?.Properties?.AccessLogSettings as { DestinationArn: unknown }).DestinationArn)).toMatch(
      /^HttpAccessLogs/,
    );
    expect(stage?.Properties?.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
    });
    const publicKeys = allRoutes.map(({ route }) => routeKeyOf(route)).filter(isPublicRoute);
    // Issue 21: imports, exports and reports have a route throttle of their own.
    const expensiveKeys = allRoutes.filter(({ route }) => isExpensiveRoute(route.path)).map(({ route }) => routeKeyOf(route));
    expect(expensiveKeys).toEqual(expect.arrayContaining(['GET /api/v1/fees/ledger/export', 'POST /api/v1/regulator/enterprise-imports']));
    expect(Object.keys(stage?.Properties?.RouteSettings as object).sort()).toEqual([...new Set([...publicKeys, ...expensiveKeys])].sort());
    for (const key of expensiveKeys) {
      expect((stage?.Properties?.RouteSettings as Record<string, unknown>)[key]).toEqual({
        ThrottlingRateLimit: EXPENSIVE_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: EXPENSIVE_ROUTE_THROTTLE.burstLimit,
      });
    }
    for (const key of publicKeys) {
      expect((stage?.Properties?.RouteSettings as Record<string, unknown>)[key]).toEqual({
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      });
    }
  });

  it('sends no CORS headers unless origins are configured (the console is same-origin via CloudFront)', () => {
    const [httpApi] = Object.values(resourcesOfType(api, 'AWS::ApiGatewayV2::Api'));
    expect(httpApi?.Properties?.CorsConfiguration).toBeUndefined();
  });

  it('allows exactly the configured origins (context corsOrigins), with the Idempotency-Key header', () => {
    const configured = synthAnze({ context: { corsOrigins: 'https://partner.example.cn,https://ops.example.cn' } });
    const [httpApi] = Object.values(resourcesOfType(configured.templates.api, 'AWS::ApiGatewayV2::Api'));
    expect(httpApi?.Properties?.CorsConfiguration).toMatchObject({
      AllowOrigins: ['https://partner.example.cn', 'https://ops.example.cn'],
      AllowHeaders: expect.arrayContaining(['authorization', 'idempotency-key']),
    });
  });
});

describe('ApiStack: the outbox relay', () => {
  const relayId = functionIdOf('relay');
  const [mapping] = Object.values(resourcesOfType(api, 'AWS::Lambda::EventSourceMapping'));

  it('reads the table stream, only inserted OUTBOX items, bisecting and retrying, then to an SQS DLQ', () => {
    expect(referencedLogicalId(mapping?.Properties?.FunctionName)).toBe(relayId);
    expect(JSON.stringify(mapping?.Properties?.EventSourceArn)).toContain('MainTable');
    expect(JSON.stringify(mapping?.Properties?.EventSourceArn)).toContain('StreamArn');
    const filters = (mapping?.Properties?.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['OUTBOX'] } } } },
    ]);
    expect(mapping?.Properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const dlq = referencedLogicalId(
      (mapping?.Properties?.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination,
    );
    expect(resourcesOfType(api, 'AWS::SQS::Queue')[dlq ?? '']).toBeDefined();
  });

  it('may put events on the bus and reads the stream, never a table item', () => {
    const statements = statementsOfRole(api, roleIdOf(relayId));
    const putEvents = statements.find((statement) => statement.Action === 'events:PutEvents');
    expect(JSON.stringify(putEvents?.Resource)).toContain('EventBus');
    const dynamodbActions = statements.flatMap((statement) => asArray(statement.Action)).filter((a) => a.startsWith('dynamodb:'));
    expect(new Set(dynamodbActions)).toEqual(
      new Set(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']),
    );
  });
});

describe('ApiStack: the deadline sweep schedule', () => {
  it('runs the schedules function at 08:00 Asia/Shanghai every day, with retries and a DLQ', () => {
    const [schedule] = Object.values(resourcesOfType(api, 'AWS::Scheduler::Schedule'));
    expect(schedule?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
    });
    const target = schedule?.Properties?.Target as { Arn: unknown; Input: string; DeadLetterConfig: { Arn: unknown } };
    expect(referencedLogicalId(target.Arn)).toBe(functionIdOf('schedules'));
    // The handler reads `time`: Scheduler fills in the scheduled time, not the moment of a retry.
    expect(JSON.parse(target.Input)).toMatchObject({ time: '<aws.scheduler.scheduled-time>' });
    expect(referencedLogicalId(target.DeadLetterConfig.Arn)).toMatch(/^DeadlineSweepDeadLetters/);
  });
});

describe('ApiStack: the calendar reminders (issue 16: QUAL-6, RPT-1, RPT-3, CAL-2)', () => {
  it('QUAL-6, RPT-1, RPT-3, CAL-2: ten crons at 08:00 Asia/Shanghai invoke the schedules function with their reminder', () => {
    const calendar = Object.values(resourcesOfType(api, 'AWS::Scheduler::Schedule')).filter((schedule) =>
      (schedule.Properties?.Target as { Input: string }).Input.includes('calendar-reminder'),
    );
    expect(calendar).toHaveLength(10);
    for (const schedule of calendar) {
      expect(schedule.Properties).toMatchObject({ ScheduleExpression: expect.stringMatching(/^cron\(0 8 /), ScheduleExpressionTimezone: 'Asia/Shanghai' });
      expect(referencedLogicalId((schedule.Properties?.Target as { Arn: unknown }).Arn)).toBe(functionIdOf('schedules'));
    }
  });
});

describe('CAL-2: a loaded calendar year', () => {
  it('CAL-2 triggers the schedules function from the bus, so provisional deadlines are recomputed at once', () => {
    const rules = Object.values(resourcesOfType(api, 'AWS::Events::Rule'));
    const rule = rules.find((r) => JSON.stringify(r.Properties?.EventPattern).includes('platform.calendar.year_loaded'));
    expect(rule?.Properties?.EventPattern).toEqual({ source: ['anze'], 'detail-type': ['platform.calendar.year_loaded'] });
    const targets = rule?.Properties?.Targets as { Arn: unknown }[];
    expect(targets).toHaveLength(1);
    expect(JSON.stringify(targets[0]?.Arn)).toMatch(/DeadlineSweepFunction/);
  });
});

describe('ACL-1 / UW-11: the policy projection', () => {
  it('receives every policy event from the bus and may write only policy copies and coverage items', () => {
    const rules = Object.values(resourcesOfType(api, 'AWS::Events::Rule'));
    const rule = rules.find((r) => JSON.stringify(r.Properties?.EventPattern).includes('underwriting.policy.issued'));
    expect(rule?.Properties?.EventPattern).toEqual({
      source: ['anze'],
      'detail-type': ['underwriting.policy.issued', 'underwriting.policy.endorsed', 'underwriting.policy.cancelled'],
    });
    const [functionId] = Object.entries(functions).find(([id]) => id.startsWith('Projections')) ?? [];
    expect(functionId).toBeDefined();
    const writes = statementsOfRole(api, roleIdOf(functionId as string)).filter((statement) =>
      asArray(statement.Action).some((action) => action === 'dynamodb:PutItem'),
    );
    expect(writes).toHaveLength(1);
    // Issue 14: and the supervision overview's counters.
    expect(writes[0]?.Condition?.['ForAllValues:StringLike']).toEqual({ 'dynamodb:LeadingKeys': ['T#*#POLICY#*', 'R#coverage#*', 'R#supervision#*', 'T#*#ARCHIVE#*'] });
  });

  it('SVC-10 writes the folder’s documents only under tenants/*/archives/ of the archive bucket, never deletes', () => {
    const [functionId] = Object.entries(functions).find(([id]) => id.startsWith('Projections')) ?? [];
    const s3 = statementsOfRole(api, roleIdOf(functionId as string)).filter((statement) => asArray(statement.Action).some((action) => action.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect([...asArray(s3[0]?.Action)].sort()).toEqual(['s3:GetObject', 's3:GetObjectRetention', 's3:PutObject', 's3:PutObjectRetention']);
    expect(JSON.stringify(s3[0]?.Resource)).toMatch(/\/tenants\/\*\/archives\/\*"/);
  });
});

describe('issue 16: the notifications function', () => {
  const [notificationsId] = Object.entries(functions).find(([id]) => id.startsWith('Notifications')) ?? [];

  it('receives exactly the subscription table’s notification events from the bus, retried and then dead-lettered', () => {
    const row = SUBSCRIPTIONS.find((subscription) => subscription.target === 'notifications');
    const rule = Object.values(resourcesOfType(api, 'AWS::Events::Rule')).find((r) =>
      (r.Properties?.Targets as { Arn: unknown }[] | undefined)?.some((target) => referencedLogicalId(target.Arn) === notificationsId),
    );
    expect(rule?.Properties?.EventPattern).toEqual({ source: ['anze'], 'detail-type': [...(row?.events ?? [])] });
    const [target] = rule?.Properties?.Targets as { DeadLetterConfig: { Arn: unknown }; RetryPolicy: unknown }[];
    expect(referencedLogicalId(target?.DeadLetterConfig.Arn)).toMatch(/^NotificationsDeadLetters/);
    expect(environmentOf(functions[notificationsId as string] as CfnResource).ANZE_MAIL_FROM).toBeUndefined();
  });

  it('writes only inboxes (every owner’s INBOX keys) and reads only user listings, tenants and the register; no SES without a sender', () => {
    const statements = statementsOfRole(api, roleIdOf(notificationsId as string));
    const writes = statements.filter((statement) => asArray(statement.Action).includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.Condition?.['ForAllValues:StringLike']).toEqual({ 'dynamodb:LeadingKeys': ['T#*#INBOX#*', 'R#*#INBOX#*', 'P#INBOX#*', 'P#ENT#*#INBOX#*'] });
    expect(statements.flatMap((statement) => asArray(statement.Action)).filter((action) => action.startsWith('ses:'))).toEqual([]);
  });
});

describe('SVC-1..13: the services context', () => {
  const servicesId = functionIdOf('services');

  it('deploys functions/http/services/handler.ts as its own function, told the archive bucket (ARCHIVE_BUCKET)', () => {
    expect(BOUNDED_CONTEXTS.find((context) => context.name === 'services')?.entry).toBe('functions/http/services/handler.ts');
    const environment = environmentOf(functions[servicesId] as CfnResource);
    expect(JSON.stringify(environment.ARCHIVE_BUCKET)).toMatch(/anze-dev-archive-.*AWS::AccountId.*AWS::Region/);
    expect(environment.ARCHIVE_BUCKET).toEqual(environment.ANZE_ARCHIVE_BUCKET);
    // Only contexts that use the archive are told where it is.
    expect(environmentOf(functions[functionIdOf('complaints')] as CfnResource).ARCHIVE_BUCKET).toBeUndefined();
    // FEE-2: the fees context reads the archive to check that a document an expense cites is there.
    expect(environmentOf(functions[functionIdOf('fees')] as CfnResource).ARCHIVE_BUCKET).toEqual(environment.ARCHIVE_BUCKET);
  });

  it('SVC-6 / ACL-5 reads the REG-2/REG-3 registers, GSI3 enterprise views and tenant profiles, and writes nothing itself', () => {
    const statements = statementsOfRole(api, roleIdOf(servicesId));
    const dynamo = statements.filter((statement) => asArray(statement.Action).some((action) => action.startsWith('dynamodb:')));
    const onMainTable = dynamo.filter((statement) => JSON.stringify(statement.Resource).includes('MainTable'));
    expect(onMainTable).toHaveLength(1);
    expect([...asArray(onMainTable[0]?.Action ?? [])].sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(onMainTable[0]?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(
      expect.arrayContaining(['R#service-orgs#*', 'R#experts#*', 'ENT#*#SERVICE', 'ENT#*#HAZARD', 'P#TENANT', 'P#TENANT#*']),
    );
    // Archives and tenant items only through the tenant role: no S3 action on its own role.
    expect(statements.flatMap((statement) => asArray(statement.Action)).filter((action) => action.startsWith('s3:'))).toEqual([]);
  });

  it('may assume the tenant role (tagged) to reach its archives', () => {
    const statements = statementsOfRole(api, roleIdOf(servicesId));
    // Issue 21: the regulator role is assumed tagged too (agency, county), so look for the tenant role's statement.
    const tagged = statements.filter((statement) => asArray(statement.Action).includes('sts:TagSession'));
    const roles = tagged.flatMap((statement) => asArray(statement.Resource as unknown).map(referencedLogicalId));
    expect(roles).toContainEqual(expect.stringMatching(/^IsolationTenantScopedRole/));
  });
});

describe('REG-2 / REG-3: the register function', () => {
  it('owns the regulator keys, the service-organisation and expert registers among them', () => {
    const statements = statementsOfRole(api, roleIdOf(functionIdOf('register')));
    const writing = statements.find(
      (statement) => asArray(statement.Action).includes('dynamodb:PutItem') && JSON.stringify(statement.Resource).includes('MainTable'),
    );
    const patterns = writing?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];
    expect(patterns).toEqual(['R#*']);
    const likeIam = (pattern: string, key: string) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(key);
    for (const key of ['R#service-orgs#ORG#o1', 'R#service-orgs#ORG', 'R#experts#EXPERT#e1']) {
      expect(patterns.some((pattern) => likeIam(pattern, key))).toBe(true);
    }
  });
});

describe('ApiStack: run now (issue 16)', () => {
  it('issue 16: the platform function may invoke the schedules function, and no other, and is told its name', () => {
    const platformId = functionIdOf('platform');
    const schedulesId = functionIdOf('schedules');
    const invokes = statementsOfRole(api, roleIdOf(platformId)).filter((statement) => asArray(statement.Action).includes('lambda:InvokeFunction'));
    expect(invokes).toHaveLength(1);
    const resources = JSON.stringify(invokes[0]?.Resource);
    expect(resources).toContain(schedulesId);
    expect(Object.keys(functions).filter((id) => id !== schedulesId && resources.includes(id))).toEqual([]);
    expect(referencedLogicalId(environmentOf(functions[platformId] as CfnResource).ANZE_SCHEDULES_FUNCTION)).toBe(schedulesId);
  });
});

describe('ApiStack: the reports file function (issue 20)', () => {
  const routes = Object.values(resourcesOfType(api, 'AWS::ApiGatewayV2::Route'));
  const integrations = resourcesOfType(api, 'AWS::ApiGatewayV2::Integration');
  const functionOfRoute = (routeKey: string): string | undefined => {
    const target = JSON.stringify(routes.find((route) => route.Properties?.RouteKey === routeKey)?.Properties?.Target);
    const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
    return referencedLogicalId(integrations[integrationId ?? '']?.Properties?.IntegrationUri);
  };

  it('RPT-1, RPT-2: generating, submitting and downloading report files integrate with reports-files, the lists and gets with reports, and both hold the reports grants', () => {
    const files = functionIdOf('reports-files');
    for (const routeKey of [
      'POST /api/v1/reports',
      'POST /api/v1/reports/{reportId}/submit',
      'PUT /api/v1/reports/{reportId}/evaluation',
      'GET /api/v1/reports/{reportId}/files/{format}',
      'GET /api/v1/regulator/reports/{reportId}/files/{format}',
    ]) {
      expect(functionOfRoute(routeKey), routeKey).toBe(files);
    }
    for (const routeKey of ['GET /api/v1/reports', 'GET /api/v1/reports/{reportId}', 'GET /api/v1/regulator/reports']) {
      expect(functionOfRoute(routeKey), routeKey).toBe(functionIdOf('reports'));
    }
    // The same least-privilege statements as the reports context (context-permissions.ts), none wider; each writes its own log group.
    const statements = (name: string) =>
      statementsOfRole(api, roleIdOf(functionIdOf(name)))
        .filter((statement) => !asArray(statement.Action).some((action) => action.startsWith('logs:')))
        .map((statement) => JSON.stringify(statement))
        .sort();
    expect(statements('reports-files')).toEqual(statements('reports'));
    expect(environmentOf(functions[files] as CfnResource).ARCHIVE_BUCKET).toBeTruthy();
  });

  it('RPT-3: publishing an evaluation and its files’ links integrate with evaluations-files, opening and scoring with evaluations, and both hold the evaluations grants', () => {
    for (const routeKey of [
      'POST /api/v1/regulator/evaluations/{evaluationId}/publish',
      'GET /api/v1/regulator/evaluations/{evaluationId}/files/{format}',
      'GET /api/v1/evaluations/{evaluationId}/files/{format}',
    ]) {
      expect(functionOfRoute(routeKey), routeKey).toBe(functionIdOf('evaluations-files'));
    }
    for (const routeKey of ['POST /api/v1/regulator/evaluations', 'PATCH /api/v1/regulator/evaluations/{evaluationId}', 'GET /api/v1/evaluations']) {
      expect(functionOfRoute(routeKey), routeKey).toBe(functionIdOf('evaluations'));
    }
    const statements = (name: string) =>
      statementsOfRole(api, roleIdOf(functionIdOf(name)))
        .filter((statement) => !asArray(statement.Action).some((action) => action.startsWith('logs:')))
        .map((statement) => JSON.stringify(statement))
        .sort();
    expect(statements('evaluations-files')).toEqual(statements('evaluations'));
  });
});
