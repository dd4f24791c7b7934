import type { App } from 'aws-cdk-lib';
import { Aws, Tags } from 'aws-cdk-lib';
import type { BoundedContext } from '../../functions/http/contexts.js';
import { ApiStack } from './api-stack.js';
import { buildOpenApiDocument } from '../../functions/http/openapi.js';
import { buildAsyncApiDocument } from '../../functions/events/asyncapi.js';
import { ALL_EVENT_TYPES } from '../../functions/events/catalogue.js';
import { archiveBucketName, consoleOrigins, DataStack } from './data-stack.js';
import { IdentityStack, type CognitoSesSender } from './identity-stack.js';
import { stageProfile } from './stage-profile.js';
import { WEB_DIST, WebStack } from './web-stack.js';
import { EdgeFirewallStack } from './edge-firewall-stack.js';

export interface AnzeSettings {
  /** `dev`, `staging`, `prod`…: part of every stack name. */
  readonly stage: string;
  readonly logLevel: string;
  readonly corsOrigins: readonly string[];
  /** The console build to deploy (`web/dist` unless the context `webDist` says otherwise). */
  readonly webDist: string;
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Define the us-east-1 stack of the CloudFront WebACL (not in the China partition, which has no CloudFront WAF). */
  readonly edgeFirewall: boolean;
  /** That WebACL's ARN, once deployed, to attach it to the distribution. */
  readonly cloudFrontWebAclArn?: string;
  /** Cognito's e-mail through SES; required for prod. */
  readonly emailSender?: CognitoSesSender;
  /** The API's own custom domain (regional certificate): CloudFront's origin, the execute-api endpoint disabled. */
  readonly apiOriginDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** SYNC-1: the Shanxi provincial platform's endpoint (context `provinceUrl`); none, sync records wait pending. */
  readonly provinceUrl?: string;
}

export interface AnzeStacks {
  readonly data: DataStack;
  readonly identity: IdentityStack;
  readonly api: ApiStack;
  readonly web: WebStack;
  readonly edge?: EdgeFirewallStack;
}

export interface AnzeWiring {
  readonly contexts: readonly BoundedContext[];
  readonly isPublicRoute: (routeKey: string) => boolean;
}

const STAGE_NAME = /^[a-z][a-z0-9-]{0,15}$/;

/**
 * Reads the deployment settings from CDK context (`cdk deploy -c stage=prod`):
 * - `stage` (default `dev`), `logLevel` (default `INFO`);
 * - `corsOrigins`: comma-separated browser origins besides the console's own (default none);
 * - `customDomain` + `certificateArn` (an ACM certificate in us-east-1): the console's own domain;
 * - `webDist`: the console build to deploy (default `web/dist`; without it a placeholder page);
 * - `edgeFirewall` (default true; `false` in the China partition) and `cloudFrontWebAclArn`: the CloudFront WebACL's
 *   us-east-1 stack, and its ARN to attach once deployed (see EdgeFirewallStack);
 * - `sesFromEmail` + `sesRegion` (+ `sesVerifiedDomain`, `sesFromName`): Cognito sends through SES; required for prod
 *   unless `cognitoDefaultEmail=true` (the China partition, which has no SES);
 * - `apiOriginDomain` + `apiCertificateArn` (a regional ACM certificate): the API's own domain, CloudFront's
 *   origin, with the default execute-api endpoint disabled.
 */
export function settingsFromContext(app: App): AnzeSettings {
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!STAGE_NAME.test(stage)) throw new Error(`context stage must match ${STAGE_NAME}: got ${JSON.stringify(stage)}`);
  const logLevel = String(app.node.tryGetContext('logLevel') ?? 'INFO');
  const cors: unknown = app.node.tryGetContext('corsOrigins');
  const corsOrigins = typeof cors === 'string' ? cors.split(',').filter(Boolean) : Array.isArray(cors) ? cors.map(String) : [];
  const domainName: unknown = app.node.tryGetContext('customDomain');
  const certificateArn: unknown = app.node.tryGetContext('certificateArn');
  const customDomain =
    typeof domainName === 'string' && typeof certificateArn === 'string' ? { domainName, certificateArn } : undefined;
  const webDist = String(app.node.tryGetContext('webDist') ?? WEB_DIST);
  const edgeFirewall = String(app.node.tryGetContext('edgeFirewall') ?? 'true') !== 'false';
  const webAclArn: unknown = app.node.tryGetContext('cloudFrontWebAclArn');
  const text = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const fromEmail = text('sesFromEmail');
  // The China partition has no SES: there prod says so explicitly with cognitoDefaultEmail=true (README, AWS China).
  if (stage === 'prod' && !fromEmail && text('cognitoDefaultEmail') !== 'true') {
    throw new Error('context sesFromEmail is required for prod (or cognitoDefaultEmail=true where SES is unavailable): Cognito sends invitations and password resets through SES there');
  }
  // The stacks are environment agnostic, so the SES region is named rather than taken from the stack.
  const sesRegion = text('sesRegion');
  if (fromEmail && !sesRegion) throw new Error('context sesRegion is required with sesFromEmail (the region of the verified SES identity)');
  const emailSender: CognitoSesSender | undefined = fromEmail
    ? {
        fromEmail,
        ...(text('sesFromName') ? { fromName: text('sesFromName') } : {}),
        ...(sesRegion ? { sesRegion } : {}),
        ...(text('sesVerifiedDomain') ? { sesVerifiedDomain: text('sesVerifiedDomain') } : {}),
      }
    : undefined;
  const apiOriginName = text('apiOriginDomain');
  const apiCertificateArn = text('apiCertificateArn');
  return {
    ...(emailSender ? { emailSender } : {}),
    ...(apiOriginName && apiCertificateArn ? { apiOriginDomain: { domainName: apiOriginName, certificateArn: apiCertificateArn } } : {}),
    stage,
    logLevel,
    corsOrigins,
    webDist,
    edgeFirewall,
    ...(customDomain ? { customDomain } : {}),
    ...(typeof webAclArn === 'string' && webAclArn !== '' ? { cloudFrontWebAclArn: webAclArn } : {}),
    ...(text('provinceUrl') ? { provinceUrl: text('provinceUrl') } : {}),
  };
}

/**
 * The whole deployment, in dependency order: data (stateful), identity (stateful; its token trigger reads the
 * table), the API (stateless, points at both) and the web front (CloudFront in front of the console and the
 * API). Stacks are environment agnostic, so `cdk synth` needs no account; `cdk deploy` takes the account and
 * region of the caller.
 */
export function defineAnze(app: App, settings: AnzeSettings, wiring: AnzeWiring): AnzeStacks {
  const prefix = `anze-${settings.stage}`;
  const profile = stageProfile(settings.stage);
  const data = new DataStack(app, `${prefix}-data`, {
    stage: settings.stage,
    uploadOrigins: consoleOrigins(settings),
    description: 'anze: table, archive bucket, event bus (stateful)',
    terminationProtection: profile.deletionProtection,
  });
  const identity = new IdentityStack(app, `${prefix}-identity`, {
    stage: settings.stage,
    logLevel: settings.logLevel,
    // The token trigger reads sign-in records from the main table, so identity comes after data.
    table: data.table,
    ...(settings.emailSender ? { emailSender: settings.emailSender } : {}),
    description: 'anze: Cognito user pool and its token trigger (stateful)',
    terminationProtection: profile.deletionProtection,
  });
  const api = new ApiStack(app, `${prefix}-api`, {
    description: 'anze: functions, HTTP API, scoped roles, outbox relay, schedules',
    stage: settings.stage,
    logLevel: settings.logLevel,
    table: data.table,
    idempotencyTable: data.idempotencyTable,
    eventBus: data.eventBus,
    userPool: identity.userPool,
    userPoolClient: identity.spaClient,
    contexts: wiring.contexts,
    isPublicRoute: wiring.isPublicRoute,
    corsOrigins: settings.corsOrigins,
    ...(settings.apiOriginDomain ? { originDomain: settings.apiOriginDomain } : {}),
    // Issue 16: notification e-mail goes out through the same verified SES identity as Cognito's.
    ...(settings.emailSender ? { mailSender: settings.emailSender } : {}),
    ...(settings.customDomain ? { consoleUrl: `https://${settings.customDomain.domainName}` } : {}),
    ...(settings.provinceUrl ? { provinceUrl: settings.provinceUrl } : {}),
  });
  // The alarms name the data stack's topic and the identity stack's trigger rather than importing them.
  api.addStackDependency(identity);
  // The API names the archive bucket rather than referencing it (see archiveBucketName): keep the order explicit.
  api.addStackDependency(data);
  const web = new WebStack(app, `${prefix}-web`, {
    description: 'anze: console bucket and CloudFront distribution',
    apiDomainName: api.apiDomainName,
    webDist: settings.webDist,
    // SVC-13: presigned uploads go to the bucket's regional virtual-hosted endpoint, as the SDK presigns them.
    archiveUploadOrigin: `https://${archiveBucketName(settings.stage)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`,
    openApiDocument: buildOpenApiDocument(wiring.contexts.flatMap((context) => context.routes)),
    asyncApiDocument: buildAsyncApiDocument(ALL_EVENT_TYPES),
    userPoolId: identity.userPool.userPoolId,
    userPoolClientId: identity.spaClient.userPoolClientId,
    ...(settings.customDomain ? { customDomain: settings.customDomain } : {}),
    ...(settings.cloudFrontWebAclArn ? { webAclArn: settings.cloudFrontWebAclArn } : {}),
  });
  const edge = settings.edgeFirewall
    ? new EdgeFirewallStack(app, `${prefix}-edge`, {
        stage: settings.stage,
        description: 'anze: the CloudFront WebACL with the rate limits (us-east-1, where CloudFront WebACLs live)',
      })
    : undefined;
  for (const stack of [data, identity, api, web, ...(edge ? [edge] : [])]) {
    Tags.of(stack).add('project', 'anze');
    Tags.of(stack).add('stage', settings.stage);
  }
  return { data, identity, api, web, ...(edge ? { edge } : {}) };
}
