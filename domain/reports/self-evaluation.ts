import * as z from 'zod/mini';
import { shanghaiDateOf, type LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet, SelfEvaluationItem } from '../kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../kernel/rule-set/xinzhou-2024.js';
import { isServiceOrgUsableOn, type ServiceOrg } from '../register/service-org.js';
import type { ReportService } from './figures.js';
import type { ReportFigures, ReportPeriod } from './report-figures.js';

/** RPT-2: a narrative is a written account, not an essay; the PDF sets it as paragraphs under its item. */
export const NARRATIVE_MAX_CHARS = 2000;
/** RPT-2: evidence chosen per item from the archive — a few documents that show it, not the whole folder. */
export const EVIDENCE_MAX_PER_ITEM = 10;

/**
 * RPT-2: one of the platform's figures shown beside an item, never typed. `SCORE` is hundredths of a point
 * (4.33 → 433), `BP` basis points; `value` is null when there is nothing to divide by.
 */
export const evaluationFactSchema = z.object({
  label: z.string(),
  unit: z.enum(['COUNT', 'BP', 'FEN', 'SCORE']),
  value: z.nullable(z.int()),
});
export type EvaluationFact = z.output<typeof evaluationFactSchema>;

/** SVC-10: an archived document cited as evidence, as it was when chosen (its digest verifies it later). */
export const evidenceRefSchema = z.object({
  archiveId: z.string(),
  kind: z.string(),
  enterpriseUscc: z.string(),
  fileName: z.string(),
  sha256: z.string(),
});
export type EvidenceRef = z.output<typeof evidenceRefSchema>;

export const evaluationItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  measures: z.string(),
  facts: z.array(evaluationFactSchema),
  narrative: z.string(),
  evidence: z.array(evidenceRefSchema),
});
export type EvaluationItem = z.output<typeof evaluationItemSchema>;

/** RPT-2: the uploaded third-party evaluation and the REG-2 organisation that made it. */
export const thirdPartyEvaluationSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  fileName: z.string(),
  file: z.object({ key: z.string(), sha256: z.string(), size: z.int(), contentType: z.string() }),
});
export type ThirdPartyEvaluation = z.output<typeof thirdPartyEvaluationSchema>;

/**
 * RPT-2 (notice 第二十条: 每年…进行 1 次自评或第三方评估，并形成书面报告): the evaluation on a report of kind
 * SELF_EVALUATION — SELF, the insurer's narrative per rule-set item beside the platform's figures, or
 * THIRD_PARTY, the evaluating organisation's own report uploaded. The items stay on the form either way.
 */
export const selfEvaluationSchema = z.object({
  mode: z.enum(['SELF', 'THIRD_PARTY']),
  items: z.array(evaluationItemSchema),
  thirdParty: z.optional(thirdPartyEvaluationSchema),
});
export type SelfEvaluation = z.output<typeof selfEvaluationSchema>;

/** RULES-1: the items of the rule set in force; a version published before RPT-2 reads the Xinzhou 2024 list. */
export function selfEvaluationItemsOf(ruleSet: Pick<RuleSet, 'selfEvaluationItems'>): readonly SelfEvaluationItem[] {
  return ruleSet.selfEvaluationItems ?? XINZHOU_2024.selfEvaluationItems ?? [];
}

/** SVC-8: the follow-ups made in the period with a satisfaction score — how many, and their scores added up. */
export function satisfactionOf(services: readonly ReportService[], period: Pick<ReportPeriod, 'from' | 'to'>): { scored: number; sum: number } {
  let scored = 0;
  let sum = 0;
  for (const service of services) {
    const followUp = service.followUp;
    if (service.status === 'CANCELLED' || followUp?.satisfaction === undefined) continue;
    const on = shanghaiDateOf(followUp.at);
    if (on < period.from || on > period.to) continue;
    scored += 1;
    sum += followUp.satisfaction;
  }
  return { scored, sum };
}

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 10_000) / whole) : null);
const count = (label: string, value: number): EvaluationFact => ({ label, unit: 'COUNT', value });
const bp = (label: string, value: number | null): EvaluationFact => ({ label, unit: 'BP', value });

/**
 * RPT-2, RPT-4: the figures beside an item, read from the year's report figures (figures.ts) — the same counts
 * the year report states — and, for satisfaction, the mean SVC-8 score of the year's follow-ups.
 */
export function prefilledFacts(prefill: SelfEvaluationItem['prefill'], figures: ReportFigures, satisfaction: { scored: number; sum: number }): EvaluationFact[] {
  const { services, fees, complaints } = figures;
  switch (prefill) {
    case 'PLAN_EXECUTION': {
      const planned = services.byCategory.reduce((sum, line) => sum + line.planned, 0);
      const performed = services.byCategory.reduce((sum, line) => sum + line.performed, 0);
      return [
        count('计划服务（次）', planned),
        count('已完成服务（次）', performed),
        bp('计划完成率', share(performed, planned)),
        bp('按时回访率', share(services.followUps.onTime, services.followUps.onTime + services.followUps.late)),
        bp('按时归档率', share(services.archives.onTime, services.archives.onTime + services.archives.late)),
      ];
    }
    case 'EFFECT':
      return [
        count('发现隐患（项）', services.hazards.found),
        count('已整改隐患（项）', services.hazards.rectified),
        bp('隐患整改率', share(services.hazards.rectified, services.hazards.found)),
        count('重大事故隐患（项）', services.hazards.major),
      ];
    case 'SATISFACTION':
      return [
        count('有评分的回访（次）', satisfaction.scored),
        { label: '平均满意度（5分制）', unit: 'SCORE', value: satisfaction.scored > 0 ? Math.round((satisfaction.sum * 100) / satisfaction.scored) : null },
      ];
    case 'FEE_USE':
      return [
        { label: '实收保费（不含税）', unit: 'FEN', value: fees.receivedExTaxFen },
        { label: '已支出预防费用', unit: 'FEN', value: fees.spentFen },
        bp('支出占实收保费（不含税）比例', fees.ratioBp),
        bp('最低支出比例', fees.minimumRatioBp),
      ];
    case 'COMPLAINTS':
      return [
        count('收到投诉（件）', complaints.received),
        count('按时答复（件）', complaints.answeredOnTime),
        count('逾期答复（件）', complaints.answeredLate),
        bp('按时答复率', share(complaints.answeredOnTime, complaints.answeredOnTime + complaints.answeredLate)),
      ];
    case undefined:
      return [];
  }
}

/**
 * RPT-2: the form of a generated self-evaluation — the rule set's items with their figures computed from the
 * data. Generated again (the data moved, or a correction), it keeps what the insurer wrote: narratives and
 * evidence by item code, the mode and the third-party upload.
 */
export function selfEvaluationFormOf(
  ruleSet: Pick<RuleSet, 'selfEvaluationItems'>,
  figures: ReportFigures,
  satisfaction: { scored: number; sum: number },
  previous?: SelfEvaluation,
): SelfEvaluation {
  const written = new Map((previous?.items ?? []).map((item) => [item.code, item]));
  return {
    mode: previous?.mode ?? 'SELF',
    items: selfEvaluationItemsOf(ruleSet).map((item) => ({
      code: item.code,
      name: item.name,
      measures: item.measures,
      facts: prefilledFacts(item.prefill, figures, satisfaction),
      narrative: written.get(item.code)?.narrative ?? '',
      evidence: [...(written.get(item.code)?.evidence ?? [])],
    })),
    ...(previous?.thirdParty ? { thirdParty: previous.thirdParty } : {}),
  };
}

/** What the insurer writes for one item: its narrative and the archive documents it cites. */
export interface ItemInput {
  readonly code: string;
  readonly narrative: string;
  readonly evidence: readonly EvidenceRef[];
}

/**
 * RPT-2: the insurer's self-evaluation written on the form — one entry per item it writes (items left out keep
 * what they had). The figures are not input: they stay as generated.
 *
 * @throws RuleViolation (RPT-2, `items.<i>.code` / `.narrative` / `.evidence`, 400) for an item not on the form,
 *   an item given twice, a narrative over {@link NARRATIVE_MAX_CHARS} characters or too much evidence.
 */
export function writeSelfEvaluation(evaluation: SelfEvaluation, input: readonly ItemInput[]): SelfEvaluation {
  const byCode = new Map<string, ItemInput>();
  input.forEach((item, index) => {
    if (!evaluation.items.some((candidate) => candidate.code === item.code)) {
      throw new RuleViolation('RPT-2', `items.${index}.code`, `RPT-2: ${item.code} is not an item of this evaluation's form (rule set)`, 400);
    }
    if (byCode.has(item.code)) throw new RuleViolation('RPT-2', `items.${index}.code`, `RPT-2: item ${item.code} is given twice`, 400);
    if ([...item.narrative].length > NARRATIVE_MAX_CHARS) {
      throw new RuleViolation('RPT-2', `items.${index}.narrative`, `RPT-2: a narrative is at most ${NARRATIVE_MAX_CHARS} characters`, 400);
    }
    if (item.evidence.length > EVIDENCE_MAX_PER_ITEM) {
      throw new RuleViolation('RPT-2', `items.${index}.evidence`, `RPT-2: at most ${EVIDENCE_MAX_PER_ITEM} documents of evidence per item`, 400);
    }
    byCode.set(item.code, item);
  });
  return {
    ...evaluation,
    mode: 'SELF',
    items: evaluation.items.map((item) => {
      const written = byCode.get(item.code);
      return written ? { ...item, narrative: written.narrative.trim(), evidence: [...written.evidence] } : item;
    }),
  };
}

/**
 * RPT-2, REG-2: a third-party evaluation is made by an organisation registered (备案) with the city EMB and
 * usable on the day it is attached (ACTIVE, inside its validity).
 *
 * @throws RuleViolation (REG-2, `organisationId`, 409) for an organisation not in the register, suspended,
 *   revoked or outside its validity.
 */
export function attachThirdParty(
  evaluation: SelfEvaluation,
  org: ServiceOrg | undefined,
  upload: { readonly fileName: string; readonly file: ThirdPartyEvaluation['file'] },
  today: LocalDate,
): SelfEvaluation {
  if (!org) throw new RuleViolation('REG-2', 'organisationId', 'REG-2: the evaluating organisation must be registered (备案) with the city EMB', 409);
  if (!isServiceOrgUsableOn(org, today)) {
    throw new RuleViolation('REG-2', 'organisationId', `REG-2: ${org.name}'s registration is ${org.status} or outside its validity ${org.validFrom}–${org.validTo}`, 409);
  }
  return { ...evaluation, mode: 'THIRD_PARTY', thirdParty: { organisation: { id: org.id, name: org.name }, fileName: upload.fileName, file: upload.file } };
}

/**
 * RPT-2: what is submitted — a self-evaluation with a narrative for every item, or a third-party evaluation
 * with its file. A third-party version carries the items' figures but not narratives the insurer drafted before
 * it chose the upload: the evaluation submitted is the organisation's.
 *
 * @throws RuleViolation (RPT-2, `items.<i>.narrative` / `thirdParty`, 409) for an incomplete evaluation.
 */
export function submittedEvaluationOf(evaluation: SelfEvaluation | undefined): SelfEvaluation {
  if (!evaluation) throw new RuleViolation('RPT-2', undefined, 'RPT-2: this report has no evaluation form; generate it again', 409);
  if (evaluation.mode === 'THIRD_PARTY') {
    if (!evaluation.thirdParty) throw new RuleViolation('RPT-2', 'thirdParty', 'RPT-2: upload the third-party evaluation before submitting it', 409);
    return { ...evaluation, items: evaluation.items.map((item) => ({ ...item, narrative: '', evidence: [] })) };
  }
  const blank = evaluation.items.findIndex((item) => item.narrative.trim() === '');
  if (blank >= 0) {
    throw new RuleViolation('RPT-2', `items.${blank}.narrative`, `RPT-2: write the evaluation of ${evaluation.items[blank]!.name} before submitting`, 409);
  }
  const { thirdParty: _notSubmitted, ...self } = evaluation;
  return self;
}
