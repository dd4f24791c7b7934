import type { RuleSet } from './rule-set.js';
import { XINZHOU_2024 } from './xinzhou-2024.js';

/**
 * RULES-1: the rule-set versions built into the platform (the notice's own figures). The city EMB publishes
 * later versions at run time (`POST /regulator/rule-sets`, kept in the table); every context reads both
 * through a `RuleSetSource` (rule-set-source.port.ts), so decisions never depend on this list alone.
 */
export const PUBLISHED_RULE_SETS: readonly RuleSet[] = [XINZHOU_2024];
