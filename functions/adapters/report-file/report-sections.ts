import type { ReportFigures } from '../../../domain/reports/report-figures.js';
import type { EvaluationFact, SelfEvaluation } from '../../../domain/reports/self-evaluation.js';

/**
 * RPT-1: what the XLSX and the PDF of a report both show, built once from the figures so that the two files
 * cannot disagree. Each value keeps its kind (a count, an amount in fen, a ratio in basis points or text) and
 * each renderer formats it: the workbook as numbers a reader can add up, the PDF as text.
 */
export type ReportValue =
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'fen'; readonly value: number }
  | { readonly kind: 'bp'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string };

export interface ReportTable {
  readonly title: string;
  /** Column headings and their share of the page's width (the workbook's column widths follow them too). */
  readonly columns: readonly { readonly header: string; readonly weight: number }[];
  readonly rows: readonly (readonly ReportValue[])[];
  /** Said in place of an empty table's rows. */
  readonly whenEmpty: string;
}

export interface ReportSection {
  /** The section's name, which is also its sheet's name in the workbook. */
  readonly name: SectionName | typeof EVALUATION_SECTION_NAME;
  /** The numbered heading in the PDF and at the top of the sheet. */
  readonly heading: string;
  readonly facts: readonly (readonly [label: string, value: ReportValue])[];
  readonly tables: readonly ReportTable[];
  /** Said instead of facts, when the platform holds nothing for the section (no claims). */
  readonly note?: string;
  /** RPT-2: written text (a narrative), set as paragraphs after the facts and tables. */
  readonly paragraphs?: readonly { readonly title: string; readonly text: string }[];
}

/** RPT-2: the evaluation's own section, before the year's figures (its sheet in the workbook). */
export const EVALUATION_SECTION_NAME = '服务质量评估';

/** The sections in their order: the notice's 承保、事故预防服务及费用使用情况, then complaints and claims (issue 18). */
export const SECTION_NAMES = ['承保情况', '事故预防服务', '预防费用', '投诉处理', '理赔'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

const count = (value: number): ReportValue => ({ kind: 'count', value });
const fen = (value: number): ReportValue => ({ kind: 'fen', value });
const bp = (value: number): ReportValue => ({ kind: 'bp', value });
const text = (value: string): ReportValue => ({ kind: 'text', value });

/** A share in basis points, or text when there is nothing to divide by. */
const shareOf = (part: number, whole: number): ReportValue => (whole > 0 ? bp(Math.round((part * 10_000) / whole)) : text('—'));

/** 1234567 → "1,234,567" */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Fen as yuan with two decimals and thousands separators, by integer arithmetic (never fen ÷ 100 in floating
 * point, which can print 0.29 as 0.28999…).
 *
 * @example
 * yuanText(123456789); // '1,234,567.89'
 */
export function yuanText(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : '';
  const magnitude = Math.abs(amountFen);
  return `${sign}${grouped(String(Math.trunc(magnitude / 100)))}.${String(magnitude % 100).padStart(2, '0')}`;
}

/**
 * Basis points as a percentage with two decimals, by integer arithmetic.
 *
 * @example
 * percentText(1500); // '15.00%'
 */
export function percentText(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const magnitude = Math.abs(basisPoints);
  return `${sign}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}%`;
}

/** A value as the PDF (and any reader of text) shows it: money with 元, ratios as %. */
export function valueText(value: ReportValue): string {
  switch (value.kind) {
    case 'count':
      return grouped(String(value.value));
    case 'fen':
      return `${yuanText(value.value)} 元`;
    case 'bp':
      return percentText(value.value);
    case 'text':
      return value.value;
  }
}

/** RPT-1: "2026年上半年" or "2026年度". */
export function periodName(figures: ReportFigures): string {
  return figures.period.kind === 'HALF_YEAR' ? `${figures.period.year}年上半年` : `${figures.period.year}年度`;
}

/**
 * The report's title, as the notice names what is reported: 承保、事故预防服务及费用使用情况; for RPT-2, 第二十条's
 * 自评或第三方评估 of the year's 事故预防技术服务的质量和效果.
 */
export function reportTitle(figures: ReportFigures, evaluation?: SelfEvaluation): string {
  if (figures.period.kind === 'SELF_EVALUATION') {
    return `${periodName(figures)}安全生产责任保险事故预防服务质量${evaluation?.mode === 'THIRD_PARTY' ? '第三方评估' : '自评'}报告`;
  }
  return `${periodName(figures)}安全生产责任保险承保、事故预防服务及费用使用情况报告`;
}

/** Who reports, for which period and under which rule set — the lines under the title. */
export function reportHeaderLines(figures: ReportFigures): string[] {
  const { period } = figures;
  return [
    `承保机构：${figures.insurerName}`,
    `报告期间：${period.from} 至 ${period.to}（${periodName(figures)}），报送截止日：${period.dueOn}`,
    `生成时间：${figures.generatedAt}　规则集版本：${figures.ruleSetVersion}`,
    period.kind === 'SELF_EVALUATION'
      ? '评估项目中的数据由安责险平台根据业务数据自动生成，未经人工填报；评估说明由承保机构填写；金额单位为元。'
      : '本报告由安责险平台根据业务数据自动生成，未经人工填报；金额单位为元。',
  ];
}

/** An evaluation fact as a report value: a mean score as text with two decimals, nothing to divide by as —. */
function factValue(fact: EvaluationFact): ReportValue {
  if (fact.value === null) return text('—');
  switch (fact.unit) {
    case 'COUNT':
      return count(fact.value);
    case 'FEN':
      return fen(fact.value);
    case 'BP':
      return bp(fact.value);
    case 'SCORE':
      return text(`${Math.trunc(fact.value / 100)}.${String(fact.value % 100).padStart(2, '0')}`);
  }
}

/**
 * RPT-2: the evaluation's section — for a self-evaluation, each rule-set item with what it measures, the
 * platform's figures beside it and the insurer's narrative and evidence; for a third-party evaluation, the
 * organisation and the SHA-256 of its report, which is archived with these files.
 */
export function evaluationSection(evaluation: SelfEvaluation): ReportSection {
  if (evaluation.mode === 'THIRD_PARTY') {
    const third = evaluation.thirdParty;
    return {
      name: EVALUATION_SECTION_NAME,
      heading: '〇、第三方评估',
      facts: third
        ? [
            ['评估机构（已备案）', text(third.organisation.name)],
            ['评估报告文件', text(third.fileName)],
            ['评估报告 SHA-256', text(third.file.sha256)],
          ]
        : [],
      tables: [],
      ...(third ? {} : { note: '尚未上传第三方评估报告。' }),
    };
  }
  return {
    name: EVALUATION_SECTION_NAME,
    heading: '〇、服务质量自评',
    facts: [],
    tables: evaluation.items
      .filter((item) => item.facts.length > 0)
      .map((item) => ({
        title: `${item.name}（平台数据）`,
        columns: [
          { header: '项目', weight: 3 },
          { header: '数值', weight: 2 },
        ],
        rows: item.facts.map((fact) => [text(fact.label), factValue(fact)]),
        whenEmpty: '—',
      })),
    paragraphs: evaluation.items.map((item, index) => ({
      title: `${index + 1}. ${item.name}（评估内容：${item.measures}）`,
      text: [
        item.narrative === '' ? '（尚未填写）' : item.narrative,
        ...(item.evidence.length > 0 ? [`佐证材料：${item.evidence.map((doc) => `${doc.fileName}（SHA-256 ${doc.sha256.slice(0, 12)}…）`).join('；')}`] : []),
      ].join('\n'),
    })),
  };
}

/** The sections of a file: RPT-2's evaluation first when there is one, then the period's figures. */
export function sectionsOf(figures: ReportFigures, evaluation?: SelfEvaluation): ReportSection[] {
  return evaluation ? [evaluationSection(evaluation), ...reportSections(figures)] : reportSections(figures);
}

/**
 * RPT-1: the report's five sections from its figures. Money stays in fen and ratios in basis points here; the
 * renderers decide how to write them.
 */
export function reportSections(figures: ReportFigures): ReportSection[] {
  const { underwriting, services, fees, complaints, claims } = figures;
  const answered = complaints.answeredOnTime + complaints.answeredLate;
  return [
    {
      name: '承保情况',
      heading: '一、承保情况',
      facts: [
        ['保单数（件）', count(underwriting.policies)],
        ['投保企业数（家）', count(underwriting.enterprises)],
        ['参保从业人员数（人）', count(underwriting.employees)],
        ['保费收入（含税）', fen(underwriting.premiumFen)],
        ['保费收入（不含税）', fen(underwriting.premiumExTaxFen)],
      ],
      tables: [
        {
          title: '分区县、分行业承保情况',
          columns: [
            { header: '区县', weight: 2 },
            { header: '行业', weight: 3 },
            { header: '保单数', weight: 1.4 },
            { header: '企业数', weight: 1.4 },
            { header: '从业人员数', weight: 1.6 },
            { header: '保费', weight: 2.2 },
          ],
          rows: underwriting.byCountyIndustry.map((line) => [
            text(line.countyName),
            text(line.industryName),
            count(line.policies),
            count(line.enterprises),
            count(line.employees),
            fen(line.premiumFen),
          ]),
          whenEmpty: '本期无承保数据',
        },
      ],
    },
    {
      name: '事故预防服务',
      heading: '二、事故预防服务',
      facts: [
        ['按时回访（次）', count(services.followUps.onTime)],
        ['逾期回访（次）', count(services.followUps.late)],
        ['按时归档（份）', count(services.archives.onTime)],
        ['逾期归档（份）', count(services.archives.late)],
        ['发现隐患（项）', count(services.hazards.found)],
        ['已整改隐患（项）', count(services.hazards.rectified)],
        ['隐患整改率', shareOf(services.hazards.rectified, services.hazards.found)],
        ['重大事故隐患（项）', count(services.hazards.major)],
      ],
      tables: [
        {
          title: '分类别服务计划执行情况',
          columns: [
            { header: '服务类别', weight: 4 },
            { header: '计划（次）', weight: 1.6 },
            { header: '已完成（次）', weight: 1.6 },
            { header: '完成率', weight: 1.4 },
          ],
          rows: services.byCategory.map((line) => [
            text(line.categoryName),
            count(line.planned),
            count(line.performed),
            shareOf(line.performed, line.planned),
          ]),
          whenEmpty: '本期无服务计划',
        },
      ],
    },
    {
      name: '预防费用',
      heading: '三、事故预防服务费用使用情况',
      facts: [
        ['实收保费（不含税）', fen(fees.receivedExTaxFen)],
        ['已提取预防费用', fen(fees.accruedFen)],
        ['已支出预防费用', fen(fees.spentFen)],
        ['支出占实收保费（不含税）比例', bp(fees.ratioBp)],
        // FEE-4's floor and FEE-5's ceiling from the rule set; the ids stay out of the text a regulator reads.
        ['最低支出比例', bp(fees.minimumRatioBp)],
        ['支出上限比例', bp(fees.targetRatioBp)],
        ['是否达到最低比例', text(fees.ratioBp >= fees.minimumRatioBp ? '是' : '否')],
      ],
      tables: [
        {
          title: '分类别费用支出',
          columns: [
            { header: '支出类别', weight: 4 },
            { header: '金额', weight: 2.4 },
            { header: '占支出比例', weight: 1.6 },
          ],
          rows: fees.spentByCategory.map((line) => [text(line.categoryName), fen(line.fen), shareOf(line.fen, fees.spentFen)]),
          whenEmpty: '本期无费用支出',
        },
      ],
    },
    {
      name: '投诉处理',
      heading: '四、投诉处理情况',
      facts: [
        ['收到投诉（件）', count(complaints.received)],
        ['按时答复（件）', count(complaints.answeredOnTime)],
        ['逾期答复（件）', count(complaints.answeredLate)],
        ['按时答复率', shareOf(complaints.answeredOnTime, answered)],
        ['向监管部门反映（件）', count(complaints.escalated)],
      ],
      tables: [],
    },
    claims === undefined
      ? { name: '理赔', heading: '五、理赔情况', facts: [], tables: [], note: '本期平台无理赔数据。' }
      : {
          name: '理赔',
          heading: '五、理赔情况',
          facts: [
            ['报案登记（件）', count(claims.registered)],
            ['已赔付（件）', count(claims.paid)],
            ['拒赔（件）', count(claims.declined)],
            ['赔款金额', fen(claims.paidFen)],
          ],
          tables: [],
        },
  ];
}
