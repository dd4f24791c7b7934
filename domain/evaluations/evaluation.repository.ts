import type { Changed } from '../kernel/events.js';
import type { Evaluation } from './evaluation.js';

export interface EvaluationPage {
  readonly items: readonly Evaluation[];
  readonly nextCursor?: string;
  readonly total?: number;
}

/** The newest revision of an insurer's evaluation for one period, as its series guard records it. */
export interface EvaluationSeries {
  readonly latestId: string;
  readonly latestRevision: number;
  readonly latestStatus: Evaluation['status'];
  readonly version: number;
}

/**
 * RPT-3: the regulators' evaluations (`R#evaluations#…`, ARCHITECTURE.md §2), one series per insurer and period:
 * revision 1, then a correction as revision n+1 once the previous one is published. Every change is one
 * transaction with its outbox event.
 */
export interface EvaluationRepository {
  get(evaluationId: string): Promise<Evaluation | undefined>;
  series(tenantId: string, periodKey: string): Promise<EvaluationSeries | undefined>;
  /** Newest period first; `periodPrefix` (`2026-`, `2026-H1#`) narrows to a year or a period. */
  list(query: { readonly periodPrefix?: string; readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<EvaluationPage>;
  /** ACL-1: an insurer's published evaluations only, newest period first. */
  listPublished(tenantId: string, query: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<EvaluationPage>;
  /** A new draft and its series guard (`StaleVersion` when the series moved meanwhile). */
  create(change: Changed<Evaluation>, series: EvaluationSeries | undefined): Promise<void>;
  /** `StaleVersion` when the evaluation changed meanwhile; a published one is never written again. */
  save(change: Changed<Evaluation>, expectedVersion: number): Promise<void>;
}
