import type { Changed } from '../kernel/events.js';
import type { NoticeStatus, SupervisionNotice } from './notice.js';
import type { Page } from './supervision-reads.port.js';

/** `GET /regulator/notices`: a county EMB's `county` is always set (ACL-4); `tenantId` narrows to one insurer. */
export interface RegulatorNoticeQuery {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
  readonly county?: string;
  readonly tenantId?: string;
  readonly status?: NoticeStatus;
}

/**
 * SUP-1..SUP-5: notices live in the insurer's partition (keys.ts `notice`). The regulators' side is written by
 * the supervision function's own role, which IAM limits to notice keys (and the access log) of any tenant; the
 * insurer's side through the tenant role of the insurer. Every change is one transaction with its event.
 */
export interface NoticeRepository {
  create(change: Changed<SupervisionNotice>): Promise<void>;
  get(tenantId: string, noticeId: string): Promise<SupervisionNotice | undefined>;
  save(change: Changed<SupervisionNotice>, expectedVersion: number): Promise<void>;
  /** The insurer's own notices, newest first. */
  listOfTenant(tenantId: string, query: { readonly limit: number; readonly cursor?: string; readonly status?: NoticeStatus; readonly withTotal?: boolean }): Promise<Page<SupervisionNotice>>;
}

/** The regulators' cross-insurer listing (GSI3 for every notice, GSI4 for a county's). */
export interface RegulatorNoticeViews {
  /** A notice by id alone, whichever insurer it is addressed to. */
  findForRegulators(noticeId: string): Promise<SupervisionNotice | undefined>;
  listForRegulators(query: RegulatorNoticeQuery): Promise<Page<SupervisionNotice>>;
}
