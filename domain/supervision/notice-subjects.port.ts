import type { NoticeSubjectKind } from './notice.js';

/** An item a notice can be about, as found in the insurer's data: its label (names, not ids) and county. */
export interface FoundSubject {
  readonly label: string;
  /** ACL-4: the enterprise's county; undefined for a fee year (insurer-wide), or a complaint whose county is unknown. */
  readonly county: string | undefined;
}

/**
 * SUP-1: the item a regulator names exists in that insurer's data — read through the read-only regulator role,
 * never written. Undefined when it does not (the route answers 404, as for any missing object).
 */
export interface NoticeSubjects {
  find(tenantId: string, kind: NoticeSubjectKind, id: string): Promise<FoundSubject | undefined>;
}
