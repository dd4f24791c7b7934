import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assertKeyPart } from './keys.js';
import { TaggedSessions } from './tagged-sessions.js';

/**
 * ACL-5, issue 21: an enterprise user's reads across insurers run in the enterprise role (`ANZE_ENTERPRISE_ROLE_ARN`),
 * assumed with the session tag `uscc` of the caller's token, whose one grant is a Query of GSI3 `ENT#<uscc>#*`
 * (infra/constructs/tenant-policy-documents.ts): a handler that built another enterprise's key is refused by IAM,
 * and locally by the IAM twin with the same statement. One session per enterprise a container serves, at most
 * 256 kept (an enterprise user signs in now and then, not all at once).
 */
export class EnterpriseReadClients {
  private readonly sessions: TaggedSessions;

  constructor(roleArn: string | undefined, now: () => number = Date.now) {
    this.sessions = new TaggedSessions({ roleArn, twinRole: 'enterprise', maxSessions: 256 }, now);
  }

  async client(uscc: string): Promise<DynamoDBDocumentClient> {
    return this.sessions.client({ uscc: assertKeyPart(uscc, 'uscc') });
  }
}

let shared: EnterpriseReadClients | undefined;
export const sharedEnterpriseReadClients = (): EnterpriseReadClients =>
  (shared ??= new EnterpriseReadClients(process.env.ANZE_ENTERPRISE_ROLE_ARN));
