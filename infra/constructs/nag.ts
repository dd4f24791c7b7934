import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One cdk-nag finding we accept, and why. The reason is the audit trail: name the resource and the trade-off. */
export interface NagAcknowledgement {
  /** Rule id, or `RuleId[FindingId]` for one finding of a multi-finding rule (cdk-nag 3 acknowledges each). */
  readonly id: string;
  readonly reason: string;
}

/**
 * cdk-nag 3 reads CDK's native acknowledgements (`Validations.of(x).acknowledge`) on the resource and its
 * ancestors; this only lets a construct list several at once.
 */
export function acknowledge(scope: IConstruct, ...acknowledgements: NagAcknowledgement[]): void {
  for (const { id, reason } of acknowledgements) Validations.of(scope).acknowledge({ id, reason });
}
