import type { Evaluation } from './evaluation.js';

/**
 * RPT-3: an evaluation's two files (the adapter is functions/adapters/evaluation-file/), rendered from the
 * published evaluation alone: the score sheet with each item's points and why, the total and the result.
 */
export interface EvaluationFiles {
  render(evaluation: Evaluation): Promise<{ xlsx: Uint8Array; pdf: Uint8Array }>;
}

/** UW-11's base (REG-1): which of these USCCs the regulators' register holds. */
export interface RegisterLookup {
  registered(usccs: readonly string[]): Promise<ReadonlySet<string>>;
}
