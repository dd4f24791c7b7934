/** RULES-1: versioned rule sets — the public surface of this folder. */
export { ruleSetSchema } from './rule-set.js';
export type { RuleSet, SvcMinimums, SvcObligation, SvcObligationTable } from './rule-set.js';
export { selectRuleSet, svcObligationsFor } from './rule-set-registry.js';
export { XINZHOU_2024 } from './xinzhou-2024.js';
