import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RateLimitWebAcl } from '../constructs/rate-limit-web-acl.js';

export interface EdgeFirewallStackProps extends StackProps {
  readonly stage: string;
}

/**
 * The CloudFront WebACL (issue 12 #7): AWS WAF keeps every CloudFront WebACL in us-east-1, whatever region the
 * rest of anze runs in, so it is a stack of its own pinned there. It carries the rate-based rules of
 * infra/rate-limits.ts for everything behind the distribution — the console and the API under `/api/*`:
 * per source address, sign-in attempts per source address, and per bearer token.
 *
 * The web stack is region-agnostic and cannot reference a us-east-1 resource directly: deploy this stack first and
 * pass its `CloudFrontWebAclArn` output as `-c cloudFrontWebAclArn=…`. In the China partition CloudFront has no WAF
 * (WAF is regional only there): skip this stack with `-c edgeFirewall=false`; the user pool's regional WebACL and the
 * stage throttles still apply.
 */
export class EdgeFirewallStack extends Stack {
  readonly firewall: RateLimitWebAcl;

  constructor(scope: Construct, id: string, props: EdgeFirewallStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    this.firewall = new RateLimitWebAcl(this, 'CloudFrontFirewall', {
      scope: 'CLOUDFRONT',
      name: `${props.stage}-cloudfront`,
      rules: ['perSource', 'signInPerSource', 'perCaller'],
      signIn: 'api-path',
      // The API has no WebACL of its own (HTTP APIs cannot carry one): with -c apiOriginDomain its execute-api
      // endpoint is disabled and this WebACL is the only way in, managed rule groups included.
      managedRules: true,
    });
    new CfnOutput(this, 'CloudFrontWebAclArn', {
      value: this.firewall.arn,
      description: 'Attach to the console distribution: cdk deploy -c cloudFrontWebAclArn=<this value>',
    });
  }
}
