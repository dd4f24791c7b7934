import * as z from 'zod/mini';

/**
 * RPT-3: what a computed item measures on the platform's own records (domain/evaluations/computed-items.ts):
 * - SERVICE_TIMELINESS: SVC-8 follow-ups and SVC-9 archives made on time, of those made in the period;
 * - COMPLAINTS_ON_TIME: complaints answered by their binding due day (CMP-2, CMP-8), of those answered;
 * - FEE_RATIO: prevention fee spent against the FEE-4 floor (15%), full marks at the floor or above;
 * - COVERAGE: the insurer's insured enterprises found in the regulators' register (REG-1, UW-11's base);
 * - HAZARD_CLOSURE: hazards found in the period and rectified by its end (SVC-7).
 */
export const EVALUATION_METRICS = ['SERVICE_TIMELINESS', 'COMPLAINTS_ON_TIME', 'FEE_RATIO', 'COVERAGE', 'HAZARD_CLOSURE'] as const;
export type EvaluationMetric = (typeof EVALUATION_METRICS)[number];

const evaluationItemSchema = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z][A-Z_]{0,31}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  weight: z.int().check(z.gte(1), z.lte(100), z.describe('Points the item is worth; the weights add up to 100.')),
  howMeasured: z.string().check(z.minLength(1), z.maxLength(300)),
  measure: z.enum(['COMPUTED', 'MANUAL']).check(z.describe('COMPUTED from the platform\'s records (with `metric`), or MANUAL: scored by hand with a reason.')),
  metric: z.optional(z.enum(EVALUATION_METRICS)),
});

/**
 * RPT-3 (notice §四(二)一, 第二十一条): the city EMB's score sheet for its evaluation of each insurer, as rule-set
 * data (RULES-1): items with weights adding up to 100, how each is measured, computed or scored by hand, and the
 * pass mark below which the insurer "falls short" (不满足本《通知》规定).
 */
export const evaluationScoreSheetSchema = z
  .strictObject({
    passMark: z.int().check(z.gte(0), z.lte(100), z.describe('RPT-3: a total below this fails (BLK-1 may follow).')),
    items: z.array(evaluationItemSchema).check(z.minLength(1), z.maxLength(20)),
  })
  .check(
    z.superRefine((sheet, ctx) => {
      const total = sheet.items.reduce((sum, item) => sum + item.weight, 0);
      if (total !== 100) ctx.issues.push({ code: 'custom', message: `RPT-3: the weights add up to ${total}, not 100`, path: ['items'], input: total });
      const codes = sheet.items.map((item) => item.code);
      if (new Set(codes).size !== codes.length) ctx.issues.push({ code: 'custom', message: 'RPT-3: each item code is listed once', path: ['items'], input: codes });
      sheet.items.forEach((item, index) => {
        if ((item.measure === 'COMPUTED') !== (item.metric !== undefined)) {
          ctx.issues.push({ code: 'custom', message: 'RPT-3: a COMPUTED item names its metric, a MANUAL one none', path: ['items', index, 'metric'], input: item.metric });
        }
      });
    }),
  );
export type EvaluationScoreSheet = z.output<typeof evaluationScoreSheetSchema>;
export type EvaluationSheetItem = EvaluationScoreSheet['items'][number];

/**
 * RPT-3: the Xinzhou 2024 score sheet. The notice names what is evaluated (承保情况、开展事故预防服务情况, fee use
 * 据实列支不低于15%) but publishes no weights: these are the platform's proposal, 70 points measured from the
 * platform's records and 30 scored by the evaluators, 60 to pass — the city EMB changes them by publishing a
 * rule-set version.
 */
export const XINZHOU_2024_EVALUATION_SCORE_SHEET: EvaluationScoreSheet = {
  // Keys in the schema's order: a copy parsed back (a new version's figures) must compare equal field by field.
  passMark: 60,
  items: [
    { code: 'SERVICE_TIMELINESS', name: '服务及时性', weight: 20, howMeasured: '期内完成的服务回访和服务记录归档中按期完成的比例，乘以分值', measure: 'COMPUTED', metric: 'SERVICE_TIMELINESS' },
    { code: 'COMPLAINTS_ON_TIME', name: '投诉按时答复', weight: 10, howMeasured: '期内收到并已答复的投诉中按期答复的比例，乘以分值', measure: 'COMPUTED', metric: 'COMPLAINTS_ON_TIME' },
    { code: 'FEE_RATIO', name: '事故预防费用列支', weight: 20, howMeasured: '已列支事故预防费用占实收保费（不含税）比例，达到最低比例得满分，不足按比例计分', measure: 'COMPUTED', metric: 'FEE_RATIO' },
    { code: 'COVERAGE', name: '承保覆盖', weight: 10, howMeasured: '期内承保企业中列入企业底数的比例，乘以分值', measure: 'COMPUTED', metric: 'COVERAGE' },
    { code: 'HAZARD_CLOSURE', name: '隐患整改闭环', weight: 10, howMeasured: '期内发现的事故隐患中期末前已整改的比例，乘以分值', measure: 'COMPUTED', metric: 'HAZARD_CLOSURE' },
    { code: 'SERVICE_SYSTEM', name: '服务制度与方案', weight: 15, howMeasured: '事故预防服务制度体系、服务方案的科学性和执行情况，由评估人员打分并说明理由', measure: 'MANUAL' },
    { code: 'SERVICE_EFFECT', name: '服务效果与满意度', weight: 15, howMeasured: '服务效果、投保企业满意度及服务机构专业能力，由评估人员打分并说明理由', measure: 'MANUAL' },
  ],
};

/** RULES-1: the sheet of `ruleSet`, or the Xinzhou 2024 sheet for a version published before RPT-3's. */
export const evaluationScoreSheetOf = (ruleSet: { readonly evaluationScoreSheet?: EvaluationScoreSheet | undefined }): EvaluationScoreSheet =>
  ruleSet.evaluationScoreSheet ?? XINZHOU_2024_EVALUATION_SCORE_SHEET;
