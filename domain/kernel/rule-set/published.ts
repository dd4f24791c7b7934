import type { RuleSet } from './rule-set.js';
import { XINZHOU_2024 } from './xinzhou-2024.js';

/**
 * RULES-1: every published rule-set version. Decisions pick the one in force on their date and record it;
 * the regulators' rule-set register will append to this list rather than change a version.
 */
export const PUBLISHED_RULE_SETS: readonly RuleSet[] = [XINZHOU_2024];
