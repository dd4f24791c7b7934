import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  CfnStage,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BoundedContext } from '../../functions/http/contexts.js';
import { routeKeyOf } from '../../functions/middleware/route.js';
import { acknowledge } from './nag.js';
import { LOG_RETENTION } from './anze-function.js';
import { RATE_LIMITS } from '../rate-limits.js';

/**
 * Steady-state and burst limits of the whole stage, and the tighter ones of unauthenticated routes (login), from the
 * one settings module the local gateway also enforces (infra/rate-limits.ts). HTTP APIs cannot carry a WAF WebACL
 * (only REST APIs can): the per-address and sign-in rules sit on CloudFront in front of `/api/*` and on the user pool.
 */
export const STAGE_THROTTLE = RATE_LIMITS.stage;
export const PUBLIC_ROUTE_THROTTLE = RATE_LIMITS.publicRoute;

/**
 * Routes that read or write whole spreadsheets (imports, exports, reports over a ledger): one call costs what
 * hundreds of ordinary ones do, so all callers together get a route throttle of their own (issue 21) besides the
 * stage's. A handful a second is more than the platform's regulators and insurers ever need at once.
 */
export const EXPENSIVE_ROUTE_THROTTLE = { rateLimit: 2, burstLimit: 5 } as const;
/** Which routes are expensive, by path: `…/export`, `…/exports`, `…-imports`, `…/imports`, `…/reports`. */
export const isExpensiveRoute = (path: string): boolean => /(?:^|[/-])(?:exports?|imports?|reports?)(?:$|\/)/.test(path);

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
});

export interface AnzeHttpApiProps {
  readonly stage: string;
  /** functions/http/contexts.ts: one route per RouteSpec, integrated with its context's function. */
  readonly contexts: readonly BoundedContext[];
  readonly functionOf: (contextName: string) => IFunction;
  /** functions/http/access-matrix.ts: public routes go without the JWT authoriser. */
  readonly isPublicRoute: (routeKey: string) => boolean;
  readonly userPool: UserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Browser origins allowed by CORS; none means no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /**
   * The API's own custom domain (a regional ACM certificate) for CloudFront's `/api/*` origin. With it the
   * default `execute-api` endpoint is disabled, so the API is reached only through CloudFront and its WebACL
   * (an HTTP API cannot carry a WebACL itself). Without it the default endpoint must stay: it is the origin.
   */
  readonly originDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * The HTTP API of ARCHITECTURE.md §5: every route of every bounded context, behind a Cognito JWT authoriser
 * unless the access matrix makes it public, with JSON access logs and throttling.
 */
export class AnzeHttpApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The custom domain CloudFront reaches the API at, when {@link AnzeHttpApiProps.originDomain} is given. */
  readonly originDomain?: DomainName;

  constructor(scope: Construct, id: string, props: AnzeHttpApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'Api', {
      apiName: `anze-${props.stage}`,
      description: 'anze HTTP API',
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.originDomain !== undefined,
      ...(props.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.corsOrigins],
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
              exposeHeaders: ['etag'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    // Issuer = the user pool, audience = the console's app client (ID tokens carry the custom:* claims the
    // handlers read). The issuer comes from the pool's ProviderURL rather than HttpUserPoolAuthorizer, which
    // writes `.amazonaws.com` and would never match in the China regions (`….amazonaws.com.cn`).
    const jwt: IHttpRouteAuthorizer = new HttpJwtAuthorizer('CognitoJwt', `https://${props.userPool.userPoolProviderUrl}`, {
      jwtAudience: [props.userPoolClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const context of props.contexts) {
      // One invoke permission per function for the whole API, not one per route: a context with many routes
      // would otherwise outgrow the 20 KB Lambda resource policy.
      const integration = new HttpLambdaIntegration(`${context.name}Integration`, props.functionOf(context.name), {
        scopePermissionToRoute: false,
      });
      for (const route of context.routes) {
        const routeKey = routeKeyOf(route);
        const isPublic = props.isPublicRoute(routeKey);
        const httpRoute = new HttpRoute(this, `Route ${routeKey.replaceAll('/', '|')}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          // MON-2: a data source's route has no JWT authoriser; its handler verifies the API key.
          ...(isPublic || route.access.kind === 'api-key' ? {} : { authorizer: jwt }),
        });
        if (isExpensiveRoute(route.path)) {
          this.stage.node.addDependency(httpRoute);
          routeSettings[routeKey] = {
            ThrottlingRateLimit: EXPENSIVE_ROUTE_THROTTLE.rateLimit,
            ThrottlingBurstLimit: EXPENSIVE_ROUTE_THROTTLE.burstLimit,
          };
        }
        if (route.access.kind === 'api-key') {
          acknowledge(httpRoute, {
            id: 'AwsSolutions-APIG4',
            reason: `${routeKey} is a mine data source's (MON-2): it authenticates with its API key (x-api-key, SHA-256 at rest), which the handler checks against its source before anything is read or written; user tokens are refused there.`,
          });
        }
        if (!isPublic) continue;
        // Route settings name the route, which must exist before the stage refers to it.
        this.stage.node.addDependency(httpRoute);
        routeSettings[routeKey] = {
          ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
        };
        acknowledge(httpRoute, {
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is public in the access matrix (functions/http/access-matrix.ts): it must answer before the caller holds a token (health probe, OpenAPI document, login). It has its own tighter throttle.`,
        });
      }
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
    }

    if (props.originDomain) {
      this.originDomain = new DomainName(this, 'OriginDomain', {
        domainName: props.originDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'OriginCertificate', props.originDomain.certificateArn),
      });
      new ApiMapping(this, 'OriginMapping', { api: this.httpApi, domainName: this.originDomain, stage: this.stage });
      new CfnOutput(this, 'OriginRegionalDomainName', {
        value: this.originDomain.regionalDomainName,
        description: `DNS: CNAME ${props.originDomain.domainName} to this (CloudFront's /api/* origin)`,
      });
    }
  }
}
