import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { computeReportFigures } from '../../../domain/reports/figures.js';
import { reportPeriodOf } from '../../../domain/reports/period.js';
import { selfEvaluationFormOf, writeSelfEvaluation } from '../../../domain/reports/self-evaluation.js';
import { renderReportFiles } from '../../../functions/adapters/report-file/render.js';
import { EVALUATION_SECTION_NAME, SECTION_NAMES } from '../../../functions/adapters/report-file/report-sections.js';

const period = reportPeriodOf(2025, 'SELF_EVALUATION');
const figures = computeReportFigures(
  {
    policies: [],
    plans: [],
    services: [{ type: 'RISK_ASSESSMENT', status: 'FOLLOWED_UP', record: { performedOn: '2025-05-06' }, followUp: { at: '2025-05-08T02:00:00Z', late: false, satisfaction: 4 } }],
    hazards: [],
    ledger: [],
    complaints: [],
  },
  { tenantId: 't1', insurerName: '中国人民财产保险股份有限公司忻州市分公司', period, ruleSet: XINZHOU_2024, generatedAt: '2026-01-10T02:00:00.000Z' },
);

const form = writeSelfEvaluation(selfEvaluationFormOf(XINZHOU_2024, figures, { scored: 1, sum: 4 }), [
  { code: 'SATISFACTION', narrative: '回访满意度总体良好，个别企业对培训时间安排提出意见。', evidence: [{ archiveId: 'a1', kind: 'SERVICE_RECORD', enterpriseUscc: 'U1', fileName: 'record.json', sha256: 'f'.repeat(64) }] },
  { code: 'IMPROVEMENTS', narrative: '下一年度增加体检式精查服务频次。', evidence: [] },
]);

describe('RPT-2 the self-evaluation files (XLSX and PDF, Chinese text)', () => {
  it('RPT-2 the PDF carries the self-evaluation title, each item, its platform figures and the narrative, read back from its text', async () => {
    const { pdf } = await renderReportFiles.render(figures, form);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2025年度安全生产责任保险事故预防服务质量自评报告');
    for (const name of ['服务计划执行', '服务效果', '企业满意度', '费用使用', '服务机构能力', '投诉处理', '存在问题及改进措施']) expect(flat).toContain(name);
    expect(flat).toContain('回访满意度总体良好');
    expect(flat).toContain('4.00');
    expect(flat).toContain('佐证材料：record.json');
  });

  it('RPT-2 the XLSX opens with the 服务质量评估 sheet, then the year’s sections', async () => {
    const { xlsx } = await renderReportFiles.render(figures, form);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([EVALUATION_SECTION_NAME, ...SECTION_NAMES]);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.some((cell) => cell.includes('下一年度增加体检式精查服务频次'))).toBe(true);
  });
});
