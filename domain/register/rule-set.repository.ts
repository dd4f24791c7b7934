import type { DomainEvent } from '../kernel/events.js';
import type { RuleSetSource } from '../kernel/rule-set/rule-set-source.port.js';
import type { RuleSetVersion } from './rule-set-version.js';

/**
 * RULES-1: the rule-set versions: the built-in ones and those the city EMB published (regulator-owned,
 * `R#rule-sets#…`). Published versions are only ever added.
 */
export interface RuleSetRepository extends RuleSetSource {
  /** Every version, built-in first, then by series and version. */
  list(): Promise<readonly RuleSetVersion[]>;
  /** Adds a published version with its events; `Conflict` (RULES-1) when that series already has that number. */
  publish(version: RuleSetVersion, events: readonly DomainEvent[]): Promise<void>;
}
