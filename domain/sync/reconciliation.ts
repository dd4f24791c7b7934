import { shanghaiDateOf, type LocalDate } from '../kernel/calendar/local-date.js';
import type { ProvincialHolding } from './provincial-platform.port.js';
import { SYNC_KINDS, type SyncKind } from './provincial-record.js';
import type { SyncRecord } from './sync-record.js';

export interface KindReconciliation {
  readonly kind: SyncKind;
  readonly sent: number;
  readonly accepted: number;
  readonly provinceHas: number;
  /** We saw it accepted that day; the province does not list it. */
  readonly missingAtProvince: readonly string[];
  /** The province lists it for that day; we do not show it accepted that day. */
  readonly unknownToUs: readonly string[];
  /** Both have it, at different versions. */
  readonly versionDiffers: readonly string[];
}

/**
 * SYNC-1's reconciliation of one day (Asia/Shanghai): our records sent and accepted that day against the
 * province's listing of what it accepted from the insurer that day, per kind, with the ids that differ.
 */
export function reconcile(date: LocalDate, ours: readonly SyncRecord[], province: readonly ProvincialHolding[]): { date: LocalDate; kinds: KindReconciliation[] } {
  return {
    date,
    kinds: SYNC_KINDS.map((kind) => {
      const mine = ours.filter((record) => record.kind === kind);
      const accepted = new Map(
        mine
          .filter((record) => record.state === 'ACCEPTED' && record.acceptedAt !== undefined && shanghaiDateOf(record.acceptedAt) === date)
          .map((record) => [record.id, record.sourceVersion]),
      );
      const theirs = new Map(province.filter((holding) => holding.kind === kind).map((holding) => [holding.recordId, holding.recordVersion]));
      return {
        kind,
        sent: mine.filter((record) => record.lastSentOn === date).length,
        accepted: accepted.size,
        provinceHas: theirs.size,
        missingAtProvince: [...accepted.keys()].filter((id) => !theirs.has(id)),
        unknownToUs: [...theirs.keys()].filter((id) => !accepted.has(id)),
        versionDiffers: [...accepted.entries()].filter(([id, version]) => theirs.has(id) && theirs.get(id) !== version).map(([id]) => id),
      };
    }),
  };
}
