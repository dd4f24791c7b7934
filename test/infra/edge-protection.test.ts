import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS, SIGN_IN_PATH } from '../../infra/rate-limits.js';
import { resourceByPrefix, resourcesOfType, synthAnze } from './synth.js';

/**
 * Issue 12 #7 and #10 on AWS: the rate limits of infra/rate-limits.ts as the stage's throttles and AWS WAF
 * rate-based rules (CloudFront in us-east-1, the user pool where the console signs in), and the console's CSP.
 */
const { stacks, templates } = synthAnze();

interface RateRule {
  readonly Name: string;
  readonly Statement: { readonly RateBasedStatement: { Limit: number; EvaluationWindowSec: number; AggregateKeyType: string; ScopeDownStatement?: unknown; CustomKeys?: unknown } };
  readonly Action: { readonly Block: { readonly CustomResponse: { ResponseCode: number; CustomResponseBodyKey: string; ResponseHeaders: { Name: string; Value: string }[] } } };
}
interface WebAclProps {
  readonly Scope: string;
  readonly DefaultAction: unknown;
  readonly Rules: readonly RateRule[];
  readonly CustomResponseBodies: Record<string, { ContentType: string; Content: string }>;
}

const webAclOf = (template: Template): WebAclProps => {
  const [, acl] = resourceByPrefix(template, 'AWS::WAFv2::WebACL', '');
  return acl.Properties as unknown as WebAclProps;
};
const ruleNamed = (acl: WebAclProps, name: string): RateRule => {
  const rule = acl.Rules.find((candidate) => candidate.Name === name);
  if (!rule) throw new Error(`no rule ${name} in ${acl.Rules.map((candidate) => candidate.Name).join(', ')}`);
  return rule;
};
const answers429 = (rule: RateRule, retryAfter: number) => {
  expect(rule.Action.Block.CustomResponse).toEqual({
    ResponseCode: 429,
    CustomResponseBodyKey: 'RateLimited',
    ResponseHeaders: [{ Name: 'retry-after', Value: String(retryAfter) }],
  });
};

describe('issue 12 #7: the API stage throttles come from infra/rate-limits.ts', () => {
  it('the $default stage and each public route are throttled with the numbers the local gateway enforces', () => {
    const [, stage] = resourceByPrefix(templates.api, 'AWS::ApiGatewayV2::Stage', '');
    expect(stage.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: RATE_LIMITS.stage.rateLimit,
      ThrottlingBurstLimit: RATE_LIMITS.stage.burstLimit,
    });
    expect((stage.Properties?.RouteSettings as Record<string, unknown>)[`POST ${SIGN_IN_PATH}`]).toEqual({
      ThrottlingRateLimit: RATE_LIMITS.publicRoute.rateLimit,
      ThrottlingBurstLimit: RATE_LIMITS.publicRoute.burstLimit,
    });
  });
});

describe('issue 12 #7: AWS WAF rate-based rules', () => {
  it('the CloudFront WebACL is a stack of its own in us-east-1, where CloudFront WebACLs must live', () => {
    expect(stacks.edge).toBeDefined();
    expect(stacks.edge?.region).toBe('us-east-1');
    const acl = webAclOf(Template.fromStack(stacks.edge!));
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(JSON.parse(acl.CustomResponseBodies.RateLimited?.Content ?? '{}')).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(acl.CustomResponseBodies.RateLimited?.ContentType).toBe('APPLICATION_JSON');
  });

  it('limits every request per source address, and sign-ins per source address whatever the user name', () => {
    const acl = webAclOf(Template.fromStack(stacks.edge!));
    const perSource = ruleNamed(acl, 'per-source-address');
    expect(perSource.Statement.RateBasedStatement).toEqual({
      Limit: RATE_LIMITS.perSource.limit,
      EvaluationWindowSec: RATE_LIMITS.perSource.windowSeconds,
      AggregateKeyType: 'IP',
    });
    answers429(perSource, RATE_LIMITS.perSource.windowSeconds);
    const signIn = ruleNamed(acl, 'sign-in-per-source-address');
    expect(signIn.Statement.RateBasedStatement).toMatchObject({
      Limit: RATE_LIMITS.signInPerSource.limit,
      EvaluationWindowSec: RATE_LIMITS.signInPerSource.windowSeconds,
      AggregateKeyType: 'IP',
    });
    expect(JSON.stringify(signIn.Statement.RateBasedStatement.ScopeDownStatement)).toContain(SIGN_IN_PATH);
    expect(JSON.stringify(signIn.Statement.RateBasedStatement.ScopeDownStatement)).toContain('"POST"');
    answers429(signIn, RATE_LIMITS.signInPerSource.windowSeconds);
  });

  it('limits each bearer token to the per-organisation rate (WAF cannot read the tenant claim inside a token)', () => {
    const perCaller = ruleNamed(webAclOf(Template.fromStack(stacks.edge!)), 'per-bearer-token');
    expect(perCaller.Statement.RateBasedStatement).toMatchObject({
      Limit: RATE_LIMITS.perTenant.rateLimit * 60,
      EvaluationWindowSec: 60,
      AggregateKeyType: 'CUSTOM_KEYS',
    });
    expect(JSON.stringify(perCaller.Statement.RateBasedStatement.CustomKeys)).toContain('authorization');
  });

  it('the user pool, where the console signs in on AWS, has a regional WebACL limiting InitiateAuth per source address', () => {
    const acl = webAclOf(templates.api);
    expect(acl.Scope).toBe('REGIONAL');
    const signIn = ruleNamed(acl, 'sign-in-per-source-address');
    expect(signIn.Statement.RateBasedStatement).toMatchObject({ Limit: RATE_LIMITS.signInPerSource.limit, AggregateKeyType: 'IP' });
    expect(JSON.stringify(signIn.Statement.RateBasedStatement.ScopeDownStatement)).toContain('InitiateAuth');
    answers429(signIn, RATE_LIMITS.signInPerSource.windowSeconds);
    const associations = Object.values(resourcesOfType(templates.api, 'AWS::WAFv2::WebACLAssociation'));
    expect(associations).toHaveLength(1);
    expect(JSON.stringify(associations[0]?.Properties?.ResourceArn)).toMatch(/UserPool/);
  });

  it('the distribution takes the WebACL given as -c cloudFrontWebAclArn, and has none (acknowledged) without it', () => {
    const arn = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/anze-dev-cloudfront/0000';
    const withAcl = synthAnze({ context: { cloudFrontWebAclArn: arn } });
    const [, distribution] = resourceByPrefix(withAcl.templates.web, 'AWS::CloudFront::Distribution', 'Distribution');
    expect((distribution.Properties?.DistributionConfig as { WebACLId?: string }).WebACLId).toBe(arn);
    const [, without] = resourceByPrefix(templates.web, 'AWS::CloudFront::Distribution', 'Distribution');
    expect((without.Properties?.DistributionConfig as { WebACLId?: string }).WebACLId).toBeUndefined();
  });

  it('-c edgeFirewall=false (the China partition, no CloudFront WAF) leaves the us-east-1 stack out', () => {
    expect(synthAnze({ context: { edgeFirewall: 'false' } }).stacks.edge).toBeUndefined();
  });
});

describe('issue 12 #10: the console CSP on CloudFront', () => {
  it('is the local runtime policy: no inline or remote script, connections to the API and only what AWS sign-in and uploads need', () => {
    const [, policy] = resourceByPrefix(templates.web, 'AWS::CloudFront::ResponseHeadersPolicy', 'SecurityHeaders');
    const csp = JSON.stringify(
      (policy.Properties?.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: { ContentSecurityPolicy: unknown } }).SecurityHeadersConfig
        .ContentSecurityPolicy,
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe|https?:|\*)/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/cognito-idp\./);
    expect(csp).toContain('"Override":true');
  });
});
