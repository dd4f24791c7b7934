import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { FeaturePlan } from 'aws-cdk-lib/aws-cognito';
import { ObjectLockRetention } from 'aws-cdk-lib/aws-s3';

/** Archived documents must be kept five years (ARCHITECTURE.md §7). */
export const ARCHIVE_RETENTION_DAYS = 5 * 365;

/**
 * What a stage changes (issue 21). `prod` holds business records and evidence that must survive anything, so
 * it retains and locks them; every other stage (`dev`, a developer's own, a test stage) exists to be deployed,
 * torn down and deployed again, so nothing in it outlives its stack and its archive locks only for a day.
 */
export interface StageProfile {
  readonly production: boolean;
  /** What CloudFormation does with the table, the archive bucket and the user pool when the stack goes. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB and Cognito deletion protection, and stack termination protection. */
  readonly deletionProtection: boolean;
  /**
   * The archive's default object lock: COMPLIANCE five years in prod (nobody, root included, can shorten it);
   * GOVERNANCE one day elsewhere, so a test stage can be emptied and deleted the next day.
   */
  readonly archiveLock: ObjectLockRetention;
  /**
   * Cognito's plan: Plus (threat protection: compromised credentials, risky sign-ins) where real users sign in;
   * Essentials elsewhere, which still runs the V2 pre-token trigger the API's claims come from.
   */
  readonly featurePlan: FeaturePlan;
}

export function stageProfile(stage: string): StageProfile {
  if (stage === 'prod') {
    return {
      production: true,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      archiveLock: ObjectLockRetention.compliance(Duration.days(ARCHIVE_RETENTION_DAYS)),
      featurePlan: FeaturePlan.PLUS,
    };
  }
  return {
    production: false,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    archiveLock: ObjectLockRetention.governance(Duration.days(1)),
    featurePlan: FeaturePlan.ESSENTIALS,
  };
}

/** The event bus's name: per stage, so two stages can share an account and a redeploy never meets an old name. */
export const eventBusName = (stage: string): string => `anze-${stage}`;
/** The SNS topic every alarm of a stage notifies (made in the data stack, named so other stacks need no export). */
export const alarmTopicName = (stage: string): string => `anze-${stage}-alarms`;
