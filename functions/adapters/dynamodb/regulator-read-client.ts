import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import { CITY_WIDE_COUNTY, COUNTY_AGENCY } from '../../../infra/constructs/tenant-policy-documents.js';
import { assertKeyPart } from './keys.js';
import { TaggedSessions } from './tagged-sessions.js';

/** Whose reads a regulator session makes: the caller's agency and, for a county EMB, its county (from the token). */
export type RegulatorScope = Pick<RegulatorPrincipal, 'agency' | 'county'>;

/**
 * The session tags of a scope (ACL-4, issue 21): `agency`, and `county` — a county EMB's own county, `ALL` for
 * the city EMB and the NFRA. A county EMB without a county is no scope at all: refused here, never widened.
 */
export function regulatorSessionTags(scope: RegulatorScope): { agency: string; county: string } {
  if (scope.agency === COUNTY_AGENCY) {
    if (!scope.county) throw new Error('ACL-4: a county EMB session needs its county');
    return { agency: scope.agency, county: assertKeyPart(scope.county, 'county') };
  }
  return { agency: scope.agency, county: CITY_WIDE_COUNTY };
}

/**
 * ARCHITECTURE.md §3, ACL-2, ACL-4: regulators reach insurers' data through the read-only regulator role
 * (`ANZE_REGULATOR_ROLE_ARN`, GetItem/BatchGetItem/Query only), assumed with the session tags `agency` and
 * `county` of the caller's token — never through a tenant's role, so a bug in a supervision use case cannot
 * write an insurer's items, and a county EMB's session cannot read another county's partitions of the views
 * keyed by county (infra/constructs/tenant-policy-documents.ts): IAM refuses both. Locally the IAM twin
 * evaluates the same statements (./tagged-sessions.ts).
 */
export class RegulatorReadClients {
  /** One session per scope: the city-wide one, and one per county EMB's county (16 areas at most). */
  private readonly sessions: TaggedSessions;

  constructor(roleArn: string | undefined, now: () => number = Date.now) {
    this.sessions = new TaggedSessions({ roleArn, twinRole: 'regulator', maxSessions: 32 }, now);
  }

  async client(scope: RegulatorScope): Promise<DynamoDBDocumentClient> {
    return this.sessions.client(regulatorSessionTags(scope));
  }
}

let shared: RegulatorReadClients | undefined;
export const sharedRegulatorReadClients = (): RegulatorReadClients =>
  (shared ??= new RegulatorReadClients(process.env.ANZE_REGULATOR_ROLE_ARN));
