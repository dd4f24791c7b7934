import { CfnResource, Stack, type StackProps, Duration } from 'aws-cdk-lib';
import type { IUserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import type { BoundedContext } from '../../functions/http/contexts.js';
import { AnzeFunction } from '../constructs/anze-function.js';
import { AnzeHttpApi } from '../constructs/anze-http-api.js';
import { RateLimitWebAcl } from '../constructs/rate-limit-web-acl.js';
import { acknowledge } from '../constructs/nag.js';
import { DeadlineSweep } from '../constructs/deadline-sweep.js';
import { CalendarReminderSchedules } from '../constructs/calendar-reminder-schedules.js';
import { PUBLISHED_RULE_SETS } from '../../domain/kernel/rule-set/published.js';
import type { RuleSet } from '../../domain/kernel/rule-set/rule-set.js';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { OutboxRelay } from '../constructs/outbox-relay.js';
import { ProvincialSync } from '../constructs/provincial-sync.js';
import { WebhookDelivery } from '../constructs/webhook-delivery.js';
import { OperationsAlarms } from '../constructs/operations-alarms.js';
import { deadLetterQueue } from '../constructs/dead-letter-queue.js';
import { preTokenFunctionName } from '../constructs/token-claims-trigger.js';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { leadingKeysCondition, TenantIsolationRoles } from '../constructs/tenant-isolation-roles.js';
import { schedulesStatements } from '../constructs/schedules-policy-documents.js';
import { COGNITO_ADMIN_ACTIONS, EVERY_CONTEXT_READS, permissionsOf } from './context-permissions.js';
import { archiveBucketName } from './data-stack.js';
import { BUNDLED_FILES } from './bundled-files.js';
import { SUBSCRIPTIONS } from '../../functions/events/subscriptions.js';
import type { CognitoSesSender } from './identity-stack.js';

/** How cdk-nag prints pseudo parameters in a finding id. */
const NAG_PSEUDO = { account: '<AWS::AccountId>', region: '<AWS::Region>' } as const;

/** What Powertools' DynamoDB persistence layer does with an idempotency record. */
const IDEMPOTENCY_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
const READ_ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const OWN_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export interface ApiStackProps extends StackProps {
  readonly stage: string;
  readonly logLevel: string;
  readonly table: ITableV2;
  readonly idempotencyTable: ITableV2;
  readonly eventBus: IEventBus;
  readonly userPool: UserPool;
  readonly userPoolClient: IUserPoolClient;
  /** functions/http/contexts.ts: one function per context, one route per RouteSpec. */
  readonly contexts: readonly BoundedContext[];
  /** functions/http/access-matrix.ts: public routes go without the JWT authoriser. */
  readonly isPublicRoute: (routeKey: string) => boolean;
  /**
   * Browser origins other than the console's own. The console reaches the API same-origin through CloudFront
   * (`/api/*`), so it needs no CORS; an empty list sends no CORS headers at all.
   */
  readonly corsOrigins: readonly string[];
  /** The API's custom domain for CloudFront's origin; with it the execute-api endpoint is disabled (AnzeHttpApi). */
  readonly originDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Issue 16: the SES sender notifications e-mail from (the same verified identity as Cognito's); none, no e-mail. */
  readonly mailSender?: CognitoSesSender;
  /** Issue 16: the console's origin, so a notification e-mail's link opens the item. */
  readonly consoleUrl?: string;
  /** SYNC-1: the Shanxi provincial platform's endpoint (CDK context `provinceUrl`); none, records wait pending. */
  readonly provinceUrl?: string;
}

/** A subscription's EventBridge rule name (functions/events/subscriptions.ts), fixed per stage. */
export const subscriptionRuleName = (stage: string, subscription: string): string => `anze-${stage}-${subscription}`;

/** Heavy background functions get a ceiling (issue 21): a backlog must not take the account's concurrency from the API. */
export const BACKGROUND_RESERVED_CONCURRENCY = { projections: 5, schedules: 5, notifications: 5, sync: 2, webhooks: 10 } as const;

/**
 * Issue 16: the inboxes the notifications function writes — every user's, in the user's own organisation's keys
 * (functions/adapters/dynamodb/keys.ts `inbox`) — and the user listings (GSI1) and register entries it reads to
 * find the recipients and name the enterprise.
 */
export const NOTIFICATION_INBOX_KEYS = ['T#*#INBOX#*', 'R#*#INBOX#*', 'P#INBOX#*', 'P#ENT#*#INBOX#*'] as const;
export const NOTIFICATION_READ_KEYS = ['T#*#USER', 'R#*#USER', 'P#ENT#*#USER', 'P#USER', 'P#TENANT', 'R#register#*'] as const;

/**
 * The stateless half: functions, the HTTP API, the scoped roles, the outbox relay and the schedules. It can be
 * destroyed and redeployed at will; what it points at lives in DataStack and IdentityStack.
 */
export class ApiStack extends Stack {
  readonly http: AnzeHttpApi;
  readonly contextFunctions: ReadonlyMap<string, AnzeFunction>;
  readonly isolation: TenantIsolationRoles;
  readonly relay: OutboxRelay;
  readonly deadlineSweep: DeadlineSweep;
  readonly projections: AnzeFunction;
  /** Where projection events go when EventBridge cannot invoke the function or its invocation fails after retries. */
  readonly projectionsDeadLetters: Queue;
  /** Issue 16: reminders and events addressed to a person, into the inboxes (and e-mail). */
  readonly notifications: AnzeFunction;
  readonly notificationsDeadLetters: Queue;
  /** SYNC-1: the provincial sync worker, its retry clock and dead letters. */
  readonly provincialSync: ProvincialSync;
  /** Issue 17: webhook fan-out, the delivery queue and the delivery function. */
  readonly webhooks: WebhookDelivery;
  readonly operations: OperationsAlarms;
  private readonly originDomainName: string | undefined;
  /** The user pool's WebACL: on AWS the console signs in with Cognito directly, so password spraying meets it there. */
  readonly signInFirewall: RateLimitWebAcl;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { table, idempotencyTable } = props;
    this.originDomainName = props.originDomain?.domainName;
    const archiveBucket = Bucket.fromBucketName(this, 'ArchiveBucket', archiveBucketName(props.stage));
    const indexArns = MAIN_TABLE.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);

    // Pagination cursors are encrypted and authenticated with a key derived from this secret (issue 12 #11):
    // generated once, never in the template (a dynamic reference resolved at deploy time).
    const cursorKey = new Secret(this, 'CursorKey', {
      description: 'anze: key material of the encrypted pagination cursors (ANZE_CURSOR_KEY)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(cursorKey, {
      id: 'AwsSolutions-SMG4',
      reason: 'The cursor key only seals short-lived pagination cursors; rotating it would just void the cursors in flight, so it is replaced by redeploying, not rotated.',
    });

    const baseEnvironment = {
      ANZE_STAGE: props.stage,
      ANZE_CURSOR_KEY: cursorKey.secretValue.unsafeUnwrap(),
      ANZE_TABLE: table.tableName,
      ANZE_IDEMPOTENCY_TABLE: idempotencyTable.tableName,
      ANZE_ARCHIVE_BUCKET: archiveBucket.bucketName,
      ANZE_EVENT_BUS: props.eventBus.eventBusName,
    };

    const contextFunctions = new Map<string, AnzeFunction>();
    for (const context of props.contexts) {
      const fn = new AnzeFunction(this, `Context-${context.name}`, {
        entry: context.entry,
        serviceName: context.name,
        description: `anze ${context.name} API`,
        environment: baseEnvironment,
        logLevel: props.logLevel,
        ...(BUNDLED_FILES[context.name] ? { bundledFiles: BUNDLED_FILES[context.name] } : {}),
      });
      fn.addToRolePolicy(new PolicyStatement({ actions: IDEMPOTENCY_ACTIONS, resources: [idempotencyTable.tableArn] }));

      const own = permissionsOf(context.permissionsOf ?? context.name);
      if (own.ownLeadingKeys.length > 0) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: OWN_ITEM_ACTIONS,
            resources: [table.tableArn, ...indexArns],
            conditions: leadingKeysCondition(own.ownLeadingKeys),
          }),
        );
      }
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: READ_ITEM_ACTIONS,
          resources: [table.tableArn, ...indexArns],
          conditions: leadingKeysCondition([...EVERY_CONTEXT_READS, ...(own.readLeadingKeys ?? [])]),
        }),
      );
      if (own.archive) fn.addEnvironment('ARCHIVE_BUCKET', archiveBucket.bucketName);
      if (own.userPoolAdmin) {
        fn.addToRolePolicy(new PolicyStatement({ actions: [...COGNITO_ADMIN_ACTIONS], resources: [props.userPool.userPoolArn] }));
        fn.addEnvironment('ANZE_USER_POOL_ID', props.userPool.userPoolId);
        fn.addEnvironment('ANZE_USER_POOL_CLIENT_ID', props.userPoolClient.userPoolClientId);
      }
      contextFunctions.set(context.name, fn);
    }
    this.contextFunctions = contextFunctions;

    this.isolation = new TenantIsolationRoles(this, 'Isolation', {
      table,
      archiveBucket,
      archiveBucketArnAsNagSees: `arn:<AWS::Partition>:s3:::${archiveBucketName(props.stage, NAG_PSEUDO)}`,
      indexArns,
      assumedBy: [...contextFunctions.values()].map((fn) => fn.role).filter((role) => role !== undefined),
    });
    for (const fn of contextFunctions.values()) {
      fn.addEnvironment('ANZE_TENANT_ROLE_ARN', this.isolation.tenantRole.roleArn);
      fn.addEnvironment('ANZE_REGULATOR_ROLE_ARN', this.isolation.regulatorRole.roleArn);
      fn.addEnvironment('ANZE_ENTERPRISE_ROLE_ARN', this.isolation.enterpriseRole.roleArn);
    }

    this.relay = new OutboxRelay(this, 'OutboxRelay', {
      table,
      eventBus: props.eventBus,
      environment: baseEnvironment,
      logLevel: props.logLevel,
    });

    this.deadlineSweep = new DeadlineSweep(this, 'DeadlineSweep', {
      environment: baseEnvironment,
      logLevel: props.logLevel,
      reservedConcurrency: BACKGROUND_RESERVED_CONCURRENCY.schedules,
    });
    // Issue 16: QUAL-6, RPT-1, RPT-3, CAL-2 — the dates of the year, each a Scheduler cron made from the rule set.
    new CalendarReminderSchedules(this, 'CalendarReminders', {
      function: this.deadlineSweep.function,
      deadLetterQueue: this.deadlineSweep.deadLetterQueue,
      ruleSet: PUBLISHED_RULE_SETS[PUBLISHED_RULE_SETS.length - 1] as RuleSet,
    });
    // Issue 16: "run now" (POST /platform/daily-run) invokes the schedules function, whose role reads every tenant's
    // due indexes; the platform function's role does not, and its bundle does not carry the schedules' code.
    const platformFunction = contextFunctions.get('platform');
    if (platformFunction?.role) {
      this.deadlineSweep.function.grantInvoke(platformFunction);
      platformFunction.addEnvironment('ANZE_SCHEDULES_FUNCTION', this.deadlineSweep.function.functionName);
      const sweepLogicalId: unknown = Stack.of(this).resolve((this.deadlineSweep.function.node.defaultChild as CfnResource).logicalId);
      acknowledge(platformFunction.role, {
        id: `AwsSolutions-IAM5[Resource::<${String(sweepLogicalId)}.Arn>:*]`,
        reason: 'lambda:InvokeFunction on the schedules function and its versions (the `:*`), for the operator\'s run-now (issue 16); no other function.',
      });
    }
    // One queue for both failure points of a projection, as the sweep has: the rule could not invoke the
    // function, or the function failed after Lambda's retries (its onFailure destination).
    this.projectionsDeadLetters = deadLetterQueue(this, 'ProjectionsDeadLetters');
    acknowledge(this.projectionsDeadLetters, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the projection rules’ targets and of the projections function’s onFailure; a queue behind it would only move the question.',
    });
    // Projections of policy events: co-insurance members' read-only copies (ACL-1) and UW-11 coverage. A
    // platform component by design: it writes into members' partitions, which no tenant session may.
    const projections = new AnzeFunction(this, 'Projections', {
      entry: 'functions/projections/handler.ts',
      serviceName: 'projections',
      description: 'Projections of domain events: co-insured policy copies, UW-11 coverage',
      environment: baseEnvironment,
      logLevel: props.logLevel,
      timeout: Duration.minutes(1),
      reservedConcurrency: BACKGROUND_RESERVED_CONCURRENCY.projections,
      onFailure: new SqsDestination(this.projectionsDeadLetters),
      retryAttempts: 2,
    });
    this.projections = projections;
    projections.addToRolePolicy(
      new PolicyStatement({
        actions: OWN_ITEM_ACTIONS,
        resources: [table.tableArn, ...indexArns],
        // SVC-10 (issue 18): T#*#ARCHIVE#* — the folder's own documents' records (a policy's contract, a complaint).
        conditions: leadingKeysCondition(['T#*#POLICY#*', 'R#coverage#*', 'R#supervision#*', 'T#*#ARCHIVE#*']),
      }),
    );
    // SVC-10 (issue 18): the folder projection archives an issued policy's contract and an answered complaint in
    // the insurer's prefix, write-once (object lock COMPLIANCE, retention at put): objects under tenants/*/archives/
    // only, the keys it builds from the event's tenant; no delete. It reads the enterprise's policies of that
    // insurer (GSI2) and the insurer's name.
    projections.addEnvironment('ARCHIVE_BUCKET', archiveBucket.bucketName);
    projections.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:PutObjectRetention', 's3:GetObject', 's3:GetObjectRetention'],
        resources: [archiveBucket.arnForObjects('tenants/*/archives/*')],
      }),
    );
    projections.addToRolePolicy(
      new PolicyStatement({
        actions: READ_ITEM_ACTIONS,
        resources: [table.tableArn, ...indexArns],
        conditions: leadingKeysCondition(['T#*#POLICY-ENT#*', 'P#TENANT#*']),
      }),
    );
    if (projections.role) {
      acknowledge(projections.role, {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${archiveBucketName(props.stage, NAG_PSEUDO)}/tenants/*/archives/*]`,
        reason:
          'SVC-10: the folder projection archives each insurer’s contract and complaint documents under tenants/<tenant of the event>/archives/<archive id>/ — one object per document, ids generated; the bucket is object-locked (COMPLIANCE) and the role has no delete.',
      });
    }
    // Issue 14: the supervision counters read each record as it is now (a policy's plan and services, a hazard,
    // a complaint, a claim, a fee year's counters) and the rule sets the obligations engine needs; they write only R#supervision.
    projections.addToRolePolicy(
      new PolicyStatement({
        actions: READ_ITEM_ACTIONS,
        resources: [table.tableArn, ...indexArns],
        conditions: leadingKeysCondition([
          'T#*#SERVICE-PLAN#*',
          'T#*#SERVICE#*',
          'T#*#SERVICE-POLICY#*',
          'T#*#HAZARD#*',
          'T#*#COMPLAINT#*',
          // CLM-1: a claim as it is now, for the overview's claims per insurer.
          'T#*#CLAIM#*',
          'T#*#FEE-LEDGER#*',
          'R#rule-sets#*',
        ]),
      }),
    );
    // Issue 16: notifications — a platform component like the projections: it writes every user's inbox, across
    // tenants, and nothing else; a failed event is retried (nothing is delivered twice) and then dead-lettered.
    this.notificationsDeadLetters = deadLetterQueue(this, 'NotificationsDeadLetters');
    acknowledge(this.notificationsDeadLetters, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the notification rule’s target and of the notifications function’s onFailure; a queue behind it would only move the question.',
    });
    const mailSender = props.mailSender;
    const notifications = new AnzeFunction(this, 'Notifications', {
      entry: 'functions/notifications/handler.ts',
      serviceName: 'notifications',
      description: 'Notifications: reminders and events addressed to a person, into the inboxes and by e-mail (SES)',
      environment: {
        ...baseEnvironment,
        ANZE_CONSOLE_URL: props.consoleUrl ?? '',
        ...(mailSender ? { ANZE_MAIL_FROM: mailSender.fromEmail, ANZE_MAIL_REGION: mailSender.sesRegion ?? this.region } : {}),
      },
      logLevel: props.logLevel,
      timeout: Duration.minutes(1),
      reservedConcurrency: BACKGROUND_RESERVED_CONCURRENCY.notifications,
      onFailure: new SqsDestination(this.notificationsDeadLetters),
      retryAttempts: 2,
    });
    this.notifications = notifications;
    notifications.addToRolePolicy(
      new PolicyStatement({
        actions: OWN_ITEM_ACTIONS,
        resources: [table.tableArn],
        conditions: leadingKeysCondition([...NOTIFICATION_INBOX_KEYS]),
      }),
    );
    notifications.addToRolePolicy(
      new PolicyStatement({
        actions: READ_ITEM_ACTIONS,
        resources: [table.tableArn, ...indexArns],
        conditions: leadingKeysCondition([...NOTIFICATION_READ_KEYS]),
      }),
    );
    if (mailSender) {
      // SES v2 SendEmail from the one verified identity (the address, or its verified domain), nothing else.
      notifications.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            this.formatArn({
              service: 'ses',
              region: mailSender.sesRegion ?? this.region,
              resource: 'identity',
              resourceName: mailSender.sesVerifiedDomain ?? mailSender.fromEmail,
            }),
          ],
        }),
      );
    }

    this.provincialSync = new ProvincialSync(this, 'ProvincialSyncWorker', {
      table,
      environment: baseEnvironment,
      logLevel: props.logLevel,
      reservedConcurrency: BACKGROUND_RESERVED_CONCURRENCY.sync,
      ...(props.provinceUrl ? { provinceUrl: props.provinceUrl } : {}),
    });
    // The sync context's reconciliation asks the province what it holds (SYNC-1).
    contextFunctions.get('sync')?.addEnvironment('ANZE_PROVINCE_URL', props.provinceUrl ?? '');

    this.webhooks = new WebhookDelivery(this, 'Webhooks', {
      table,
      environment: baseEnvironment,
      logLevel: props.logLevel,
      reservedConcurrency: BACKGROUND_RESERVED_CONCURRENCY.webhooks,
    });
    // Issue 17: replays and a failed test event's retries go on the delivery queue from the API function too.
    const webhookApi = contextFunctions.get('webhooks');
    if (webhookApi) {
      webhookApi.addEnvironment('ANZE_WEBHOOK_QUEUE_URL', this.webhooks.queue.queueUrl);
      this.webhooks.queue.grantSendMessages(webhookApi);
    }

    // The bus subscriptions, from the one table the local runtime also reads (functions/events/subscriptions.ts).
    const subscribers = { projections, schedules: this.deadlineSweep.function, notifications, sync: this.provincialSync.function, webhooks: this.webhooks.fanOut };
    const targetDeadLetters = {
      sync: this.provincialSync.deadLetterQueue,
      webhooks: this.webhooks.deadLetterQueue,
      projections: this.projectionsDeadLetters,
      schedules: this.deadlineSweep.deadLetterQueue,
      notifications: this.notificationsDeadLetters,
    };
    for (const subscription of SUBSCRIPTIONS) {
      new Rule(this, subscription.name, {
        // Named by stage: `npm run replay:events` names the rules it replays to (infra/aws/replay-events.ts).
        ruleName: subscriptionRuleName(props.stage, subscription.name),
        eventBus: props.eventBus,
        description: subscription.description,
        eventPattern: { source: ['anze'], detailType: [...subscription.events] },
        targets: [
          new LambdaFunction(subscribers[subscription.target], {
            retryAttempts: subscription.retry.attempts,
            maxEventAge: Duration.hours(subscription.retry.maxEventAgeHours),
            deadLetterQueue: targetDeadLetters[subscription.target],
          }),
        ],
      });
    }
    // The sweep works across tenants by design (it is the clock, not a caller): it reads the due-date indexes
    // and writes overdue states and their outbox events in the same transactions as any handler would — under
    // LeadingKeys of exactly the key shapes it uses (issue 21), the statements the local twin checks it against.
    for (const statement of schedulesStatements({ tableArn: table.tableArn, indexArns, archiveBucketArn: archiveBucket.bucketArn })) {
      this.deadlineSweep.function.addToRolePolicy(PolicyStatement.fromJson(statement));
    }
    props.eventBus.grantPutEventsTo(this.deadlineSweep.function);

    this.http = new AnzeHttpApi(this, 'Http', {
      stage: props.stage,
      contexts: props.contexts,
      functionOf: (name) => {
        const fn = contextFunctions.get(name);
        if (!fn) throw new Error(`no function for context ${name}`);
        return fn;
      },
      isPublicRoute: props.isPublicRoute,
      userPool: props.userPool,
      userPoolClient: props.userPoolClient,
      corsOrigins: props.corsOrigins,
      ...(props.originDomain ? { originDomain: props.originDomain } : {}),
    });

    this.operations = new OperationsAlarms(this, 'Operations', {
      stage: props.stage,
      contextFunctions,
      tenantRoleContexts: props.contexts.filter((context) => permissionsOf(context.permissionsOf ?? context.name).tenantRole !== false).map((context) => context.name),
      relay: { function: this.relay.function, deadLetterQueue: this.relay.deadLetterQueue },
      projections: { function: projections, deadLetterQueue: this.projectionsDeadLetters },
      schedules: { function: this.deadlineSweep.function, deadLetterQueue: this.deadlineSweep.deadLetterQueue },
      preTokenFunctionName: preTokenFunctionName(props.stage),
    });

    // Issue 12 #7: sign-in attempts per source address whatever the user name (the per-name lockout is Cognito's own).
    this.signInFirewall = new RateLimitWebAcl(this, 'UserPoolFirewall', {
      scope: 'REGIONAL',
      name: `${props.stage}-user-pool`,
      rules: ['signInPerSource'],
      signIn: 'cognito',
      associateWith: props.userPool.userPoolArn,
    });
  }

  /**
   * The API's host name for CloudFront's `/api/*` origin: its custom domain when there is one (the execute-api
   * endpoint is then disabled), else the default endpoint.
   */
  get apiDomainName(): string {
    // The configured name, not the DomainName's Ref: CloudFront resolves it through DNS (a CNAME to the
    // domain's RegionalDomainName), and a plain string needs no cross-stack output.
    return this.originDomainName ?? `${this.http.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
  }
}
