import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { Conflict, RuleViolation, type FieldProblem } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import type { EvaluationScoreSheet } from '../kernel/rule-set/evaluation-score-sheet.js';
import type { ComputedResult } from './computed-items.js';
import { totalOf, type Evaluation, type EvaluationFile, type EvaluationItem } from './evaluation.js';
import type { EvaluationSeries } from './evaluation.repository.js';
import { evaluationEvents } from './events.js';
import { isLatePublication, type EvaluationPeriod } from './period.js';

/** Longest reason for a manual item's points, in characters. */
export const EVALUATION_REASON_MAX_LENGTH = 1000;

const payloadOf = (evaluation: Evaluation) => ({
  evaluationId: evaluation.id,
  tenantId: evaluation.tenantId,
  insurerName: evaluation.insurerName,
  year: evaluation.period.year,
  term: evaluation.period.term,
  revision: evaluation.revision,
});

/**
 * A draft is the regulators' working paper: its events carry no tenant, so nothing of it reaches the insurer's
 * webhooks or inbox before it is published.
 */
const draftSubject = (evaluation: Evaluation) => ({ id: evaluation.id, version: evaluation.version });

function withComputed(item: EvaluationItem, computed: ComputedResult | undefined): EvaluationItem {
  if (item.measure !== 'COMPUTED' || computed === undefined) return item;
  return { ...item, score: computed.score, rateBp: computed.rateBp, notMeasurable: computed.notMeasurable, evidence: [...computed.evidence], link: computed.link };
}

export interface DraftInput {
  readonly id: string;
  readonly tenantId: string;
  readonly insurerName: string;
  readonly period: EvaluationPeriod;
  readonly sheet: EvaluationScoreSheet;
  readonly ruleSetVersion: string;
  readonly computed: ReadonlyMap<string, ComputedResult>;
  readonly series: EvaluationSeries | undefined;
  readonly by: string;
  readonly now: Date;
}

/**
 * RPT-3: the city EMB opens an evaluation of an insurer for a period: the rule set's score sheet, its computed
 * items filled from the platform's records with their evidence, the manual items left to score. The first of a
 * period is revision 1; once one is published a correction is the next revision, and it names what it corrects.
 *
 * @throws Conflict (RPT-3, 409) while the period's newest revision is still a draft: score that one.
 */
export function draftEvaluation(input: DraftInput): Changed<Evaluation> {
  if (input.series?.latestStatus === 'DRAFT') {
    throw new Conflict(`RPT-3: evaluation ${input.series.latestId} of this insurer and period is still a draft; score and publish it first`, 'RPT-3');
  }
  const at = input.now.toISOString();
  const evaluation: Evaluation = {
    id: input.id,
    tenantId: input.tenantId,
    insurerName: input.insurerName,
    period: input.period,
    revision: (input.series?.latestRevision ?? 0) + 1,
    ...(input.series ? { corrects: input.series.latestId } : {}),
    status: 'DRAFT',
    passMark: input.sheet.passMark,
    ruleSetVersion: input.ruleSetVersion,
    items: input.sheet.items.map((item) =>
      withComputed({ code: item.code, name: item.name, weight: item.weight, howMeasured: item.howMeasured, measure: item.measure, ...(item.metric ? { metric: item.metric } : {}) }, input.computed.get(item.code)),
    ),
    computedAt: at,
    createdBy: input.by,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { state: evaluation, events: [evaluationEvents.drafted.of(draftSubject(evaluation), payloadOf(evaluation))] };
}

function assertDraft(evaluation: Evaluation): void {
  if (evaluation.status !== 'DRAFT') {
    throw new Conflict('RPT-3: a published evaluation never changes; open a correction (the next revision) instead', 'RPT-3');
  }
}

export interface ManualScore {
  readonly code: string;
  readonly score: number;
  readonly reason?: string | undefined;
}

/**
 * RPT-3: the evaluator scores manual items by hand, each with its reason — points without a reason are refused,
 * as are points for a computed item (the platform's figures are not overwritten) or beyond the item's weight.
 * Every problem is named at once (`items.<i>.<field>`).
 *
 * @throws RuleViolation (RPT-3, 400) naming each refused field; Conflict (RPT-3, 409) once published.
 */
export function scoreManualItems(evaluation: Evaluation, scores: readonly ManualScore[], context: { readonly by: string; readonly now: Date }): Changed<Evaluation> {
  assertDraft(evaluation);
  const problems: FieldProblem[] = [];
  const byCode = new Map(evaluation.items.map((item) => [item.code, item]));
  const seen = new Set<string>();
  scores.forEach((entry, index) => {
    const item = byCode.get(entry.code);
    if (!item) problems.push({ field: `items.${index}.code`, rule: 'RPT-3', message: `RPT-3: ${entry.code} is not an item of this score sheet` });
    else if (item.measure !== 'MANUAL') problems.push({ field: `items.${index}.code`, rule: 'RPT-3', message: `RPT-3: ${entry.code} is computed from the platform's records and is not scored by hand` });
    else if (!Number.isInteger(entry.score) || entry.score < 0 || entry.score > item.weight) {
      problems.push({ field: `items.${index}.score`, rule: 'RPT-3', message: `RPT-3: the score of ${entry.code} must be a whole number from 0 to ${item.weight}` });
    }
    if (seen.has(entry.code)) problems.push({ field: `items.${index}.code`, rule: 'RPT-3', message: `RPT-3: ${entry.code} is scored twice` });
    seen.add(entry.code);
    const reason = entry.reason?.trim() ?? '';
    if (reason.length === 0) problems.push({ field: `items.${index}.reason`, rule: 'RPT-3', message: `RPT-3: a manual score needs its reason (${entry.code})` });
    else if (reason.length > EVALUATION_REASON_MAX_LENGTH) problems.push({ field: `items.${index}.reason`, rule: 'RPT-3', message: `RPT-3: at most ${EVALUATION_REASON_MAX_LENGTH} characters` });
  });
  if (problems.length > 0) throw new RuleViolation('RPT-3', problems[0]!.field, problems[0]!.message, 400, problems);
  const given = new Map(scores.map((entry) => [entry.code, entry]));
  const next: Evaluation = {
    ...evaluation,
    items: evaluation.items.map((item) => {
      const entry = given.get(item.code);
      return entry ? { ...item, score: entry.score, reason: (entry.reason ?? '').trim(), scoredBy: context.by } : item;
    }),
    updatedAt: context.now.toISOString(),
    version: evaluation.version + 1,
  };
  return { state: next, events: [evaluationEvents.scored.of(draftSubject(next), payloadOf(next))] };
}

/** RPT-3: a draft's computed items again from today's records (they may have moved since it was opened). */
export function recomputeItems(evaluation: Evaluation, computed: ReadonlyMap<string, ComputedResult>, now: Date): Changed<Evaluation> {
  assertDraft(evaluation);
  const next: Evaluation = {
    ...evaluation,
    items: evaluation.items.map((item) => withComputed(item, computed.get(item.code))),
    computedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: evaluation.version + 1,
  };
  return { state: next, events: [evaluationEvents.scored.of(draftSubject(next), payloadOf(next))] };
}

/**
 * RPT-3: every manual item must be scored before the evaluation is published.
 *
 * @throws RuleViolation (RPT-3, 409) naming the first item without points, listing them all.
 */
export function assertComplete(evaluation: Evaluation): void {
  assertDraft(evaluation);
  const missing = evaluation.items.filter((item) => item.score === undefined);
  if (missing.length > 0) {
    const problems = missing.map((item) => ({ field: `items.${item.code}`, rule: 'RPT-3', message: `RPT-3: ${item.name} (${item.code}) is not scored yet` }));
    throw new RuleViolation('RPT-3', problems[0]!.field, `RPT-3: score every manual item before publishing: ${missing.map((item) => item.code).join(', ')}`, 409, problems);
  }
}

/** RPT-3: the result as it will be published — total, pass or fail against the sheet's pass mark. */
export const resultOf = (evaluation: Evaluation): { total: number; passed: boolean } => {
  const total = totalOf(evaluation.items);
  return { total, passed: total >= evaluation.passMark };
};

/**
 * RPT-3: publication — the result fixed (total, passed, late for a year's evaluation after March 31 on the
 * platform's clock), the archived files' SHA-256 recorded, and `evaluations.evaluation.published` addressed to
 * the insurer. From here the evaluation never changes.
 */
export function publishEvaluation(
  evaluation: Evaluation,
  context: { readonly by: string; readonly now: Date; readonly files: { readonly xlsx: EvaluationFile; readonly pdf: EvaluationFile } },
): Changed<Evaluation> {
  assertComplete(evaluation);
  const { total, passed } = resultOf(evaluation);
  const on = shanghaiDateOf(context.now);
  const at = context.now.toISOString();
  const late = isLatePublication(evaluation.period, on);
  const next: Evaluation = {
    ...evaluation,
    status: 'PUBLISHED',
    published: { at, on, by: context.by, total, passed, late, files: { xlsx: context.files.xlsx, pdf: context.files.pdf } },
    updatedAt: at,
    version: evaluation.version + 1,
  };
  const event = evaluationEvents.published.of(
    { id: next.id, version: next.version, tenantId: next.tenantId },
    { ...payloadOf(next), total, passMark: next.passMark, passed, late, publishedAt: at, xlsxSha256: context.files.xlsx.sha256, pdfSha256: context.files.pdf.sha256 },
  );
  return { state: next, events: [event] };
}

/** The published view of an evaluation for its insurer: what the regulators fixed, nothing of who scored it inside the agency. */
export function insurerViewOf(evaluation: Evaluation): Evaluation {
  return { ...evaluation, items: evaluation.items.map(({ scoredBy: _by, ...item }) => item) };
}

/**
 * BLK-1, RPT-3: a 通报 follows a published evaluation that failed (不满足本《通知》规定的承保机构), once: while a
 * listing that names this evaluation still bars the insurer, another is refused.
 *
 * @throws Conflict (RPT-3, 409) for a draft or a passed evaluation; Conflict (BLK-1, 409) when already listed for it.
 */
export function noticeAfterEvaluation(
  evaluation: Evaluation,
  listings: readonly { readonly evaluationId?: string | undefined; readonly listedOn: string; readonly until?: string | undefined; readonly liftedOn?: string | undefined }[],
  today: string,
): void {
  if (evaluation.status !== 'PUBLISHED' || !evaluation.published) throw new Conflict('RPT-3: only a published evaluation can lead to a notice (通报)', 'RPT-3');
  if (evaluation.published.passed) {
    throw new Conflict(`RPT-3: the evaluation passed (${evaluation.published.total} of ${evaluation.passMark} needed); a notice follows only a failing result`, 'RPT-3');
  }
  const active = listings.some(
    (entry) => entry.evaluationId === evaluation.id && entry.listedOn <= today && (entry.until === undefined || today <= entry.until) && (entry.liftedOn === undefined || today < entry.liftedOn),
  );
  if (active) throw new Conflict('BLK-1: this evaluation’s notice (通报) is already in force', 'BLK-1');
}
