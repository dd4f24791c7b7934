import { Aws, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { ConsoleDeployment } from '../constructs/console-deployment.js';
import { OPENAPI_PATH } from '../../functions/http/openapi.js';
import { ASYNCAPI_PATH } from '../../functions/events/asyncapi.js';
import { acknowledge } from '../constructs/nag.js';
import { consoleContentSecurityPolicy } from '../content-security-policy.js';

/** Where the web build (`web/vite.config.ts`) writes the console. */
export const WEB_DIST = 'web/dist';

/**
 * Console routes are client-side: any path without a file extension is the SPA's `index.html`. Done here
 * and not with CloudFront error responses, which apply to every behaviour and would turn the API's own
 * 403/404 answers (cross-tenant objects answer 404, ARCHITECTURE.md §3) into a 200 with HTML.
 */
const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  if (!/\\.[A-Za-z0-9]+$/.test(request.uri)) { request.uri = '/index.html'; }
  return request;
}`;

export interface WebStackProps extends StackProps {
  /** Host of the HTTP API (`<id>.execute-api.<region>.<suffix>`), served under `/api/*` on the same origin. */
  readonly apiDomainName: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** The archive bucket's endpoint, where the console PUTs presigned evidence uploads (SVC-13): CSP connect-src. */
  readonly archiveUploadOrigin: string;
  /** The console build to deploy, relative to the repository root; a placeholder page when it is missing. */
  readonly webDist: string;
  /** The API's OpenAPI document, generated at synth from the route tables and served as a static file. */
  readonly openApiDocument: Record<string, unknown>;
  /** The events' AsyncAPI document, generated at synth from the event catalogue and served the same way. */
  readonly asyncApiDocument: Record<string, unknown>;
  /** Optional custom domain; with it (and its us-east-1 ACM certificate) viewers get TLS 1.2+ only. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /**
   * The CloudFront WebACL with the rate limits (EdgeFirewallStack's output, in us-east-1); without it the distribution
   * has no WAF and only the API's stage throttles and the user pool's WebACL apply.
   */
  readonly webAclArn?: string;
}

/**
 * The console: a private bucket behind CloudFront (origin access control), and the API on the same origin
 * under `/api/*` — the SPA calls `/api/v1` relative to itself, exactly as it does on the local runtime.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // CloudFront standard logging writes with ACLs, hence ObjectWriter ownership on this bucket only.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(logs, {
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log destination of the console bucket and the CloudFront distribution; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'SpaBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'spa-bucket/',
      // Only build output lives here, but CloudFormation cannot delete a non-empty bucket: retaining it keeps a
      // stack deletion from failing half-way (a redeploy makes a new bucket).
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'anze console: HSTS, CSP, no framing, no sniffing',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: {
          // The local runtime's policy (infra/content-security-policy.ts), plus what the browser reaches directly on
          // AWS: Cognito for SRP sign-in and the archive bucket for presigned evidence uploads (issue 12 #10).
          contentSecurityPolicy: consoleContentSecurityPolicy([`https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`, props.archiveUploadOrigin]),
          override: true,
        },
      },
    });

    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'anze console: client-side routes serve index.html',
    });

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;

    const documentsOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'anze console and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Listed before `/api/*` so they win: the contract documents are files in the console bucket, not Lambda routes.
        ...Object.fromEntries(
          [OPENAPI_PATH, ASYNCAPI_PATH].map((path) => [
            path,
            {
              origin: documentsOrigin,
              viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
              cachePolicy: CachePolicy.CACHING_OPTIMIZED,
              responseHeadersPolicy: securityHeaders,
              compress: true,
            },
          ]),
        ),
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Never cached; with caching disabled the AllViewer policies may forward Authorization. The Host
          // header stays CloudFront's, or API Gateway would not recognise its own API.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edge locations nearest mainland China (Hong Kong, Taiwan, Japan, Korea, Singapore).
      priceClass: PriceClass.PRICE_CLASS_200,
      // A minimum protocol only applies with a certificate of our own (the default one is fixed at TLSv1).
      ...(props.customDomain && certificate
        ? { domainNames: [props.customDomain.domainName], certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: insurers and regulators are in China but auditors, reinsurers and on-call staff travel; access is controlled by Cognito sign-in, not by country.',
      },
    );
    if (!props.webAclArn) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR2',
        reason:
          'CloudFront WebACLs live only in us-east-1 and this stack is region-agnostic: the rate-based WebACL is the anze-<stage>-edge stack (EdgeFirewallStack), attached by passing its output as -c cloudFrontWebAclArn=…; the China partition has no CloudFront WAF, where the stage throttles and the user pool WebACL apply.',
      });
    }
    if (!props.customDomain) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum protocol cannot be raised; pass the context customDomain/certificateArn and TLSv1.2_2021 applies.',
      });
    }

    new ConsoleDeployment(this, 'Console', {
      webDist: props.webDist,
      bucket: this.bucket,
      distribution: this.distribution,
      runtimeConfig: {
        auth: { mode: 'cognito', region: Aws.REGION, userPoolId: props.userPoolId, clientId: props.userPoolClientId },
      },
      openApiDocument: props.openApiDocument,
      asyncApiDocument: props.asyncApiDocument,
    });
  }
}
