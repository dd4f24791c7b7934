import type { RuleSet } from './rule-set.js';

/** RULES-1: the version a decision recorded (a policy at issue, a service, a complaint, a ledger entry). */
export interface RecordedRuleSet {
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
}

/**
 * RULES-1: every rule-set version in force at some date — the built-in xinzhou-2024 and every version the city
 * EMB published at run time (kept in the table, never changed once published). Decisions pick from these the
 * one in force on their date (`selectRuleSet`) or the one they recorded (`recordedRuleSet`).
 */
export interface RuleSetSource {
  /**
   * All versions. With `recorded`, the answer includes that version when it exists anywhere: a source that
   * caches reads again rather than answer without a version another instance has just published and used.
   */
  versions(recorded?: RecordedRuleSet): Promise<readonly RuleSet[]>;
}
