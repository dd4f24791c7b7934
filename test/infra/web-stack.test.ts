import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { referencedLogicalId, resourceByPrefix, resourcesOfType, synthAnze, TEST_CDK_OUT } from './synth.js';

const { templates } = synthAnze();
const web = templates.web;

const [distributionId, distribution] = resourceByPrefix(web, 'AWS::CloudFront::Distribution', 'Distribution');
interface Behavior {
  readonly PathPattern?: string;
  readonly TargetOriginId: string;
  readonly ViewerProtocolPolicy: string;
  readonly CachePolicyId: string;
  readonly Compress?: boolean;
  readonly AllowedMethods?: string[];
  readonly ResponseHeadersPolicyId?: unknown;
  readonly FunctionAssociations?: { EventType: string; FunctionARN: unknown }[];
}
interface Origin {
  readonly Id: string;
  readonly DomainName: unknown;
  readonly OriginAccessControlId?: unknown;
}
const config = distribution.Properties?.DistributionConfig as {
  DefaultRootObject: string;
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: Origin[];
  Logging?: unknown;
  CustomErrorResponses?: unknown;
};
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

describe('WebStack: the console bucket', () => {
  const [bucketId, bucket] = resourceByPrefix(web, 'AWS::S3::Bucket', 'SpaBucket');

  it('is private, encrypted and logged', () => {
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties?.BucketEncryption).toBeDefined();
    expect(bucket.Properties?.LoggingConfiguration).toBeDefined();
  });

  it('is readable by this distribution only, through origin access control', () => {
    const policy = Object.values(resourcesOfType(web, 'AWS::S3::BucketPolicy')).find(
      (candidate) => referencedLogicalId(candidate.Properties?.Bucket) === bucketId,
    );
    const statements = JSON.stringify(policy?.Properties?.PolicyDocument);
    expect(statements).toContain('"Service":"cloudfront.amazonaws.com"');
    expect(statements).toContain(distributionId);
    const s3Origin = config.Origins.find((origin) => referencedLogicalId(origin.DomainName) === bucketId);
    expect(referencedLogicalId(s3Origin?.OriginAccessControlId)).toMatch(/OriginAccessControl/);
  });
});

describe('WebStack: the distribution', () => {
  it('serves index.html over HTTPS with the security headers policy, and logs', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(referencedLogicalId(config.DefaultCacheBehavior.ResponseHeadersPolicyId)).toMatch(/^SecurityHeaders/);
    expect(config.Logging).toBeDefined();
  });

  it('forwards /api/* to the HTTP API uncached, with every method', () => {
    const apiBehavior = config.CacheBehaviors.find((behavior) => behavior.PathPattern === '/api/*');
    expect(apiBehavior?.CachePolicyId).toBe(CACHING_DISABLED);
    expect(apiBehavior?.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']));
    const origin = config.Origins.find((candidate) => candidate.Id === apiBehavior?.TargetOriginId);
    expect(JSON.stringify(origin?.DomainName)).toContain('.execute-api.');
  });

  it('compresses the console at the edge (gzip and brotli), with a cache policy that keys on both (issue 15, first visit)', () => {
    // Managed-CachingOptimized: EnableAcceptEncodingGzip and EnableAcceptEncodingBrotli are both on.
    const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
    const consoleBehaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors.filter((behavior) => behavior.PathPattern !== '/api/*')];
    for (const behavior of consoleBehaviors) {
      expect(behavior.Compress, behavior.PathPattern ?? 'default').toBe(true);
      expect(behavior.CachePolicyId, behavior.PathPattern ?? 'default').toBe(CACHING_OPTIMIZED);
    }
  });

  it('has no custom error responses, which would turn the API 403/404 answers into index.html', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('sends HSTS, a CSP and frame denial', () => {
    const [, policy] = resourceByPrefix(web, 'AWS::CloudFront::ResponseHeadersPolicy', 'SecurityHeaders');
    const headers = (policy.Properties?.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> })
      .SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    // SVC-13: the console may PUT presigned evidence uploads to the archive bucket's endpoint, and nowhere else.
    const csp = JSON.stringify(headers.ContentSecurityPolicy);
    expect(csp).toMatch(/connect-src 'self' https:\/\/cognito-idp\..* https:\/\/anze-dev-archive-/);
    expect(csp).toMatch(/\.s3\.", *\{"Ref":"AWS::Region"\}, *"\.", *\{"Ref":"AWS::URLSuffix"\}/);
  });
});

describe('WebStack: the SPA fallback', () => {
  const [functionId, cloudFrontFunction] = resourceByPrefix(web, 'AWS::CloudFront::Function', 'SpaFallback');
  const handler = runInNewContext(`${cloudFrontFunction.Properties?.FunctionCode as string}; handler`) as (event: {
    request: { uri: string };
  }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;

  it('runs on viewer requests of the console behaviour only', () => {
    const association = config.DefaultCacheBehavior.FunctionAssociations?.[0];
    expect(association?.EventType).toBe('viewer-request');
    expect(referencedLogicalId(association?.FunctionARN)).toBe(functionId);
    expect(config.CacheBehaviors.every((behavior) => behavior.FunctionAssociations === undefined)).toBe(true);
  });

  it('serves index.html for client-side routes and files as they are', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/platform/tenants')).toBe('/index.html');
    expect(rewrite('/users/u-1')).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('WebStack: deployment of the console', () => {
  const deployments = Object.values(resourcesOfType(web, 'Custom::CDKBucketDeployment'));
  const shell = deployments.find((deployment) => deployment.Properties?.DistributionPaths !== undefined);
  const assets = deployments.find((deployment) => deployment !== shell);

  it('writes the root files and config.json (Cognito settings), never cached, and invalidates the distribution', () => {
    expect(shell?.Properties?.DistributionPaths).toEqual(['/*']);
    expect(shell?.Properties?.Exclude).toEqual(['assets/*']);
    expect(shell?.Properties?.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(JSON.stringify(shell?.Properties?.SourceMarkers)).toContain('UserPoolSpaClient');
  });

  it('uploads hashed assets cached for a year and never prunes them (old pages keep their chunks)', () => {
    expect(assets?.Properties).toMatchObject({ Include: ['assets/*'], Exclude: ['*'], Prune: false });
    expect(assets?.Properties?.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
  });

  it('still synthesises without a console build, deploying a placeholder page', () => {
    const unbuilt = synthAnze({ context: { webDist: 'test/infra/fixtures/no-such-build' } });
    const only = Object.values(resourcesOfType(unbuilt.templates.web, 'Custom::CDKBucketDeployment'));
    expect(only).toHaveLength(1);
    expect(only[0]?.Properties?.DistributionPaths).toEqual(['/*']);
  });
});

describe('the contract documents on the same origin', () => {
  const patterns = config.CacheBehaviors.map((behavior) => (behavior as unknown as { PathPattern: string }).PathPattern);

  it('serves the OpenAPI document from the console bucket by a behaviour listed before /api/*, so no Lambda serves it', () => {
    expect(patterns.indexOf('/api/v1/openapi.json')).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf('/api/v1/openapi.json')).toBeLessThan(patterns.indexOf('/api/*'));
  });

  it('serves the AsyncAPI document the same way, from the console bucket before /api/*', () => {
    const index = patterns.indexOf('/api/v1/asyncapi.json');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(patterns.indexOf('/api/*'));
    const behavior = config.CacheBehaviors[index]!;
    const openApi = config.CacheBehaviors[patterns.indexOf('/api/v1/openapi.json')]!;
    expect(behavior.TargetOriginId).toBe(openApi.TargetOriginId);
    expect(behavior.CachePolicyId).toBe(openApi.CachePolicyId);
  });

  it('deploys both documents as files of the console deployment', () => {
    // Source.jsonData stages each document as an asset folder of the cloud assembly, holding the file at its path.
    const staged = (file: string) =>
      readdirSync(TEST_CDK_OUT)
        .map((entry) => join(TEST_CDK_OUT, entry, file))
        .filter((path) => existsSync(path))
        .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
    expect(staged('api/v1/openapi.json')[0]).toMatchObject({ openapi: '3.1.0' });
    expect(staged('api/v1/asyncapi.json')[0]).toMatchObject({ asyncapi: '3.0.0' });
  });
});
