import type { Agency } from '../identity/role.js';
import type { Page } from './supervision-reads.port.js';

/**
 * The access log (issue 14: "every regulator read of an insurer's data is recorded (who, which agency, what,
 * when); the insurer's admin can list who read its data; kept 5 years"). One entry per supervision read, in
 * the insurer's own partition, append-only: nothing updates or deletes an entry; DynamoDB's TTL removes it
 * after the retention below (as SVC-10 keeps archives five years).
 */
export interface AccessLogEntry {
  readonly id: string;
  readonly tenantId: string;
  /** When the read was answered (ISO instant). */
  readonly at: string;
  readonly reader: { readonly userId: string; readonly username: string; readonly agency: Agency; readonly county?: string };
  /** What was read: the route (`GET /api/v1/regulator/insurers/{tenantId}/policies`) and the item, when one. */
  readonly route: string;
  readonly itemId?: string;
  /** The filters of a listing (`county=140902&status=ACTIVE`), so "what" is as precise as the read was. */
  readonly query?: string;
}

/** Five years (issue 14), as the archives' retention (SVC-10). */
export const ACCESS_LOG_RETENTION_YEARS = 5;

/** The TTL (epoch seconds) of an entry made at `at`: the same instant five calendar years later. */
export function accessLogExpiresAt(at: Date): number {
  const until = new Date(at.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + ACCESS_LOG_RETENTION_YEARS);
  return Math.floor(until.getTime() / 1000);
}

/** Appends one entry: one PutItem, no read. */
export interface AccessLogWriter {
  record(entry: AccessLogEntry): Promise<void>;
}

/** The insurer admin's view of its own log, newest first, optionally of one agency. */
export interface AccessLogReader {
  list(tenantId: string, query: { readonly limit: number; readonly cursor?: string; readonly agency?: Agency; readonly withTotal?: boolean }): Promise<Page<AccessLogEntry>>;
}
