import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { acknowledge } from '../constructs/nag.js';

/**
 * The claims of domain/identity/principal.ts (`custom:tenantId`, …) as Cognito custom attributes. Immutable:
 * set once by the platform operator's onboarding (AdminCreateUser) and never by the user, so a token can
 * only ever carry the scope it was issued with. A changed role is a new user.
 */
export const CUSTOM_ATTRIBUTES = {
  tenantId: { minLen: 1, maxLen: 64 },
  role: { minLen: 1, maxLen: 32 },
  agency: { minLen: 1, maxLen: 16 },
  county: { minLen: 1, maxLen: 64 },
  // 统一社会信用代码: 18 characters.
  uscc: { minLen: 18, maxLen: 18 },
} as const;

export interface IdentityStackProps extends StackProps {
  readonly stage: string;
}

/** ARCHITECTURE.md §4 on AWS: the user pool whose tokens the HTTP API's JWT authoriser verifies. */
export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly spaClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);

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
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection (compromised-credential and risky sign-in detection): these accounts
      // reach insurers' policy data and regulators' cross-tenant views.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by product decision (enterprise users sign in rarely, from shared office machines); TOTP is offered to everyone and Plus-tier threat protection challenges risky sign-ins.',
    });

    const standardOnly = new ClientAttributes().withStandardAttributes({ email: true, fullname: true });
    this.spaClient = this.userPool.addClient('SpaClient', {
      userPoolClientName: 'anze-console',
      // A browser cannot keep a secret; SRP keeps the password off the wire.
      generateSecret: false,
      authFlows: { userSrp: true },
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
