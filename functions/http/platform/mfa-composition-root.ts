import type { TotpAuthenticator, TotpEnrolments } from '../../../domain/identity/mfa.js';
import { NodeTotpAuthenticator } from '../../adapters/auth/totp.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoTotpEnrolments } from '../../adapters/dynamodb/totp-enrolments.js';

/** Issue 21: what the local sign-in and the enrolment routes check codes with; ports of domain/ only. */
export interface MfaRoot {
  readonly totp: TotpAuthenticator;
  readonly enrolments: TotpEnrolments;
}

let root: MfaRoot | undefined;

export function mfaRoot(): MfaRoot {
  root ??= { totp: new NodeTotpAuthenticator(), enrolments: new DynamoTotpEnrolments(sharedDynamoDb().doc, mainTableName()) };
  return root;
}
