import type { Evaluation, EvaluationItem } from '../../../domain/evaluations/evaluation.js';
import { evaluationPeriodNameOf } from '../../../domain/evaluations/period.js';
import type { EvaluationEvidence } from '../../../domain/evaluations/computed-items.js';

/** 忻州市应急管理局对XX公司2026年上半年安责险工作的考核评估结果（第1版）. */
export const evaluationTitle = (evaluation: Evaluation): string =>
  `${evaluation.insurerName}${evaluationPeriodNameOf(evaluation.period)}安责险考核评估结果（第${evaluation.revision}版）`;

const yuan = (fen: number): string => `${(fen / 100).toFixed(2)}元`;
const percent = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

export const evidenceText = (evidence: EvaluationEvidence): string =>
  `${evidence.label}：${evidence.unit === 'fen' ? yuan(evidence.value) : evidence.unit === 'bp' ? percent(evidence.value) : evidence.value}`;

/** What a line's points rest on, in words: the figures counted, or the evaluator's reason. */
export function basisOf(item: EvaluationItem): string {
  if (item.measure === 'MANUAL') return `评估人员评分理由：${item.reason ?? ''}`;
  const figures = (item.evidence ?? []).map(evidenceText).join('；');
  const rate = item.notMeasurable ? '本期无可计量事项，按满分计' : `达成率${percent(item.rateBp ?? 0)}`;
  return `${figures}；${rate}`;
}

/** The header lines of both files: who, which period, when, on which rule set. */
export function headerLines(evaluation: Evaluation): string[] {
  const { period, published } = evaluation;
  return [
    `承保机构：${evaluation.insurerName}`,
    `评估期间：${evaluationPeriodNameOf(period)}（${period.from}至${period.to}）`,
    `评估单位：忻州市应急管理局会同国家金融监督管理总局忻州监管分局`,
    `发布日期：${published?.on ?? '未发布'}${published?.late ? `（逾期：应于${period.dueOn}前完成）` : ''}`,
    `评分标准：${evaluation.ruleSetVersion}，合格分数线${evaluation.passMark}分`,
  ];
}

export function resultLine(evaluation: Evaluation): string {
  const total = evaluation.published?.total ?? 0;
  return `总分：${total}分（满分100分） 评估结论：${evaluation.published?.passed ? '合格' : '不合格'}`;
}

export const ITEM_HEADERS = ['评估项目', '分值', '计分方式', '得分', '计分依据'] as const;

export const itemRow = (item: EvaluationItem): string[] => [
  item.name,
  String(item.weight),
  item.measure === 'COMPUTED' ? '平台数据计算' : '人工评分',
  String(item.score ?? 0),
  basisOf(item),
];
