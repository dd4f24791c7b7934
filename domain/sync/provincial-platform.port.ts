import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { ProvincialRecord, SyncKind } from './provincial-record.js';

/**
 * SYNC-1: the Shanxi provincial 安责险 platform as the sync sees it. The real interface is not public; an
 * adapter for it implements this port alone (MAPPING.md says what each field is). Locally and in tests the
 * adapter talks to the simulated province (infra/local/provincial-simulator.ts).
 */
export interface ProvincialPlatform {
  /** Sends one record at its version. Never throws for the province's own answers — only for our bugs. */
  submit(record: ProvincialRecord): Promise<SubmitOutcome>;
  /** What the province holds from `insurerRef` accepted on `date` (Asia/Shanghai): the reconciliation's other side. */
  listAccepted(insurerRef: string, date: LocalDate): Promise<readonly ProvincialHolding[]>;
}

export type SubmitOutcome =
  | { readonly kind: 'accepted'; readonly receipt: string }
  /** The province refused the record; `reason` is its own words, shown to the insurer as they are. */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** Down, slow past our timeout, or an answer we cannot read: try again later. */
  | { readonly kind: 'unavailable'; readonly detail: string };

export interface ProvincialHolding {
  readonly kind: SyncKind;
  readonly recordId: string;
  readonly recordVersion: number;
}

/** The province could not answer a listing: the reconciliation says so (503) rather than report a difference. */
export class ProvinceUnavailable extends Error {
  override readonly name = 'ProvinceUnavailable';
}
