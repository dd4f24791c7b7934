import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { RATE_LIMITS, SIGN_IN_PATH, type RateLimits, type WindowLimit } from '../rate-limits.js';

/**
 * Which rate-based rules a WebACL carries, from {@link RateLimits} (issue 12 #7):
 * - `perSource`: every request of one address;
 * - `signInPerSource`: one address's sign-in attempts whatever the user name (password spraying) — on CloudFront
 *   the local sign-in path, on the Cognito user pool its InitiateAuth calls (SRP sign-ins and refreshes);
 * - `perCaller`: one bearer token's requests (WAF cannot read the tenant inside a token; per token is the nearest).
 */
export type RateRule = 'perSource' | 'signInPerSource' | 'perCaller';

export interface RateLimitWebAclProps {
  /** `CLOUDFRONT` WebACLs exist only in us-east-1; `REGIONAL` ones protect Cognito, ALB, REST APIs in their region. */
  readonly scope: 'CLOUDFRONT' | 'REGIONAL';
  /** Metric name prefix, also the WebACL's name suffix. */
  readonly name: string;
  readonly rules: readonly RateRule[];
  /** What `signInPerSource` counts as a sign-in: the API path (CloudFront) or Cognito's InitiateAuth (the user pool). */
  readonly signIn?: 'api-path' | 'cognito';
  /** A regional resource to protect (the user pool's ARN); CloudFront takes the ARN in its distribution instead. */
  readonly associateWith?: string;
  readonly limits?: RateLimits;
  /** Add {@link MANAGED_RULE_GROUPS} after the rate rules (the CloudFront WebACL in front of the console and API). */
  readonly managedRules?: boolean;
}

/**
 * AWS managed rule groups (issue 21), evaluated after the rate rules so a flood is dropped before the costlier
 * inspection. The common rule set's 8 KB body limit is only counted, not enforced: enterprise imports and
 * service records with evidence lists are larger JSON bodies, and the API validates every body itself (zod,
 * size limits) — the other rules of the set still block.
 */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

/** The JSON body of a blocked request: the API's error envelope (ARCHITECTURE.md §5). */
const RATE_LIMITED_BODY = JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'too many requests; retry after the time in Retry-After' } });

/**
 * An AWS WAF WebACL that allows everything except callers over the rate limits of infra/rate-limits.ts, who get
 * 429 with `Retry-After` and the API's error envelope — the answer the local gateway gives.
 */
export class RateLimitWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RateLimitWebAclProps) {
    super(scope, id);
    const limits = props.limits ?? RATE_LIMITS;
    const block = (window: WindowLimit): CfnWebACL.RuleActionProperty => ({
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: 'RateLimited',
          responseHeaders: [{ name: 'retry-after', value: String(window.windowSeconds) }],
        },
      },
    });
    const visibility = (metric: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${props.name}-${metric}`,
      sampledRequestsEnabled: true,
    });
    const byIp = (window: WindowLimit, scopeDownStatement?: CfnWebACL.StatementProperty): CfnWebACL.StatementProperty => ({
      rateBasedStatement: {
        limit: window.limit,
        evaluationWindowSec: window.windowSeconds,
        aggregateKeyType: 'IP',
        ...(scopeDownStatement ? { scopeDownStatement } : {}),
      },
    });

    const callerWindow: WindowLimit = { limit: limits.perTenant.rateLimit * 60, windowSeconds: 60 };
    const definitions: Record<RateRule, () => CfnWebACL.RuleProperty> = {
      perSource: () => ({
        name: 'per-source-address',
        priority: 0,
        statement: byIp(limits.perSource),
        action: block(limits.perSource),
        visibilityConfig: visibility('per-source'),
      }),
      signInPerSource: () => ({
        name: 'sign-in-per-source-address',
        priority: 1,
        statement: byIp(limits.signInPerSource, props.signIn === 'cognito' ? cognitoSignIn() : apiSignIn()),
        action: block(limits.signInPerSource),
        visibilityConfig: visibility('sign-in-per-source'),
      }),
      perCaller: () => ({
        name: 'per-bearer-token',
        priority: 2,
        statement: {
          rateBasedStatement: {
            limit: callerWindow.limit,
            evaluationWindowSec: callerWindow.windowSeconds,
            aggregateKeyType: 'CUSTOM_KEYS',
            customKeys: [{ header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
          },
        },
        action: block(callerWindow),
        visibilityConfig: visibility('per-caller'),
      }),
    };

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `anze-${props.name}`,
      // CloudFormation allows no parentheses here (`cdk synth`'s schema validation refuses them).
      description: 'anze rate limits from infra/rate-limits.ts, 429 with Retry-After and the error envelope',
      scope: props.scope,
      defaultAction: { allow: {} },
      customResponseBodies: { RateLimited: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY } },
      rules: [
        ...props.rules.map((rule) => definitions[rule]()),
        ...(props.managedRules
          ? MANAGED_RULE_GROUPS.map(
              (group, index): CfnWebACL.RuleProperty => ({
                name: group.name,
                priority: 10 + index,
                overrideAction: { none: {} },
                statement: {
                  managedRuleGroupStatement: {
                    vendorName: 'AWS',
                    name: group.name,
                    ...(group.countOnly.length > 0
                      ? { ruleActionOverrides: group.countOnly.map((name) => ({ name, actionToUse: { count: {} } })) }
                      : {}),
                  },
                },
                visibilityConfig: visibility(group.name),
              }),
            )
          : []),
      ],
      visibilityConfig: visibility('web-acl'),
    });
    if (props.associateWith) {
      new CfnWebACLAssociation(this, 'Association', { resourceArn: props.associateWith, webAclArn: this.webAcl.attrArn });
    }
  }

  get arn(): string {
    return this.webAcl.attrArn;
  }
}

/** POST to the API's sign-in path. */
function apiSignIn(): CfnWebACL.StatementProperty {
  return {
    andStatement: {
      statements: [
        { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] } },
        {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'STARTS_WITH',
            searchString: SIGN_IN_PATH,
            textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
          },
        },
      ],
    },
  };
}

/** Cognito's sign-in calls: `X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth` (SRP start, refresh). */
function cognitoSignIn(): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { singleHeader: { Name: 'x-amz-target' } },
      positionalConstraint: 'ENDS_WITH',
      searchString: '.InitiateAuth',
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}
