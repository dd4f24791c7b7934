import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../domain/platform/credentials.js';
import { acknowledge } from '../constructs/nag.js';
import { TokenClaimsTrigger } from '../constructs/token-claims-trigger.js';
import { stageProfile } from './stage-profile.js';

/** Cognito's e-mail through SES (issue 21): a verified identity in the account, in a region where SES runs. */
export interface CognitoSesSender {
  readonly fromEmail: string;
  readonly fromName?: string;
  /** The SES region; the stack's own region when it has SES. */
  readonly sesRegion?: string;
  /** The verified domain `fromEmail` belongs to, when the identity is a domain rather than the address. */
  readonly sesVerifiedDomain?: string;
}

/**
 * The organisation binding of domain/identity/principal.ts's claims as Cognito custom attributes: our user
 * id (`custom:userId`, since `sub` is Cognito's own) and tenant, agency, county, USCC. Immutable: written once
 * when the platform function registers the user (AdminCreateUser, functions/adapters/auth) and never by the
 * user, and a user never changes organisation. The role is deliberately not one of them — an administrator
 * may change it at any time — so the pre-token-generation trigger adds `custom:role` from our table to each
 * token instead (infra/constructs/token-claims-trigger.ts).
 *
 * A pool made before `role` left this list still has that attribute: Cognito adds custom attributes but never
 * deletes one, so CloudFormation cannot apply its removal there (and deletion protection rules out a
 * replacement). For such a pool, list `role` again, unused — the trigger's claim overrides it in the token.
 */
export const CUSTOM_ATTRIBUTES = {
  // Ids from functions/adapters/ids.ts: 26 characters.
  userId: { minLen: 1, maxLen: 64 },
  tenantId: { minLen: 1, maxLen: 64 },
  agency: { minLen: 1, maxLen: 16 },
  county: { minLen: 1, maxLen: 64 },
  // 统一社会信用代码: 18 characters.
  uscc: { minLen: 18, maxLen: 18 },
} as const;

export interface IdentityStackProps extends StackProps {
  readonly stage: string;
  readonly logLevel: string;
  /** The main table (DataStack), whose sign-in records the token trigger reads: data → identity → api. */
  readonly table: ITableV2;
  /**
   * Invitations and password resets go out through SES. Required for prod (settingsFromContext): Cognito's own
   * sender allows 50 e-mails a day and a no-reply address of Amazon's, which an onboarding day outgrows.
   */
  readonly emailSender?: CognitoSesSender;
}

/**
 * ARCHITECTURE.md §4 on AWS: the user pool whose tokens the HTTP API's JWT authoriser verifies, and the
 * trigger that puts each user's current role from our table into them.
 */
export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly spaClient: UserPoolClient;
  readonly tokenClaims: TokenClaimsTrigger;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const profile = stageProfile(props.stage);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `anze-${props.stage}`,
      // Users are onboarded by the platform operator and org admins, never self-registered (ACL-3).
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: false, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        Object.entries(CUSTOM_ATTRIBUTES).map(([name, length]) => [name, new StringAttribute({ ...length, mutable: false })]),
      ),
      // The API checks passwords against the same constant before it stores a user (domain/platform/credentials.ts).
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      ...(props.emailSender
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.emailSender.fromEmail,
              ...(props.emailSender.fromName ? { fromName: props.emailSender.fromName } : {}),
              ...(props.emailSender.sesRegion ? { sesRegion: props.emailSender.sesRegion } : {}),
              ...(props.emailSender.sesVerifiedDomain ? { sesVerifiedDomain: props.emailSender.sesVerifiedDomain } : {}),
            }),
          }
        : {}),
      // Plus tier in prod for threat protection (compromised-credential and risky sign-in detection): these
      // accounts reach insurers' policy data and regulators' cross-tenant views. Essentials elsewhere
      // (stage-profile.ts); the aws-cn partition has no Plus tier at all (README, AWS China).
      featurePlan: profile.featurePlan,
      ...(profile.featurePlan === FeaturePlan.PLUS ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: profile.deletionProtection,
      removalPolicy: profile.removalPolicy,
    });
    if (profile.featurePlan !== FeaturePlan.PLUS) {
      acknowledge(this.userPool, {
        id: 'AwsSolutions-COG8',
        reason:
          'Plus is the prod plan (stage-profile.ts); this non-production stage has only test users, and Essentials still runs the V2 pre-token trigger the claims come from.',
      });
      acknowledge(this.userPool, {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection needs the Plus plan, which prod has (stage-profile.ts); this non-production stage runs Essentials with test users only, and RemovalPolicy DESTROY.',
      });
    }
    // For `npm run bootstrap:operator` (ANZE_USER_POOL_ID).
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'ANZE_USER_POOL_ID for npm run bootstrap:operator' });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional in the pool for enterprises and insurers (enterprise users sign in rarely, from shared office machines) and TOTP is offered to everyone; the operator and regulators must have TOTP enabled or the pre-token trigger gives them no role (issue 21), and Plus-tier threat protection challenges risky sign-ins.',
    });

    this.tokenClaims = new TokenClaimsTrigger(this, 'TokenClaims', {
      stage: props.stage,
      userPool: this.userPool,
      table: props.table,
      environment: { ANZE_STAGE: props.stage, ANZE_TABLE: props.table.tableName },
      logLevel: props.logLevel,
    });

    const standardOnly = new ClientAttributes().withStandardAttributes({ email: true, fullname: true });
    this.spaClient = this.userPool.addClient('SpaClient', {
      userPoolClientName: 'anze-console',
      // A browser cannot keep a secret; SRP keeps the password off the wire.
      generateSecret: false,
      // SRP only (issue 21): the console proves the password without sending it (web/src/auth/cognito-srp.ts);
      // USER_PASSWORD_AUTH would put it in every sign-in request body.
      authFlows: { userSrp: true, userPassword: false },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: standardOnly.withCustomAttributes(...Object.keys(CUSTOM_ATTRIBUTES)),
      // Custom attributes are immutable anyway; not listing them here also keeps them out of UpdateUserAttributes.
      writeAttributes: standardOnly,
    });
  }
}
