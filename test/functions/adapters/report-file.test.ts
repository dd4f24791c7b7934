import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../../functions/http/contexts.js';
import { copyIntoBundle } from '../../../infra/constructs/anze-function.js';
import { BUNDLED_FILES } from '../../../infra/stacks/bundled-files.js';
import { reportFiguresSchema, type ReportFigures } from '../../../domain/reports/report-figures.js';
import { renderReportFiles } from '../../../functions/adapters/report-file/render.js';
import { REPORT_FONT_FILE, REPORT_FONT_SOURCE } from '../../../functions/adapters/report-file/report-font.js';
import { reportPdf } from '../../../functions/adapters/report-file/report-pdf.js';
import { percentText, SECTION_NAMES, yuanText } from '../../../functions/adapters/report-file/report-sections.js';

/** A half-year's figures as the reports backend computes them (domain/reports/report-figures.ts). */
const FIGURES: ReportFigures = reportFiguresSchema.parse({
  tenantId: 'tenant-demo-insurer',
  insurerName: '中国人民财产保险股份有限公司忻州市分公司',
  period: { year: 2026, kind: 'HALF_YEAR', from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-31' },
  generatedAt: '2026-07-20T02:30:00.000Z',
  ruleSetVersion: 'xinzhou-2024-71 v3',
  underwriting: {
    policies: 12,
    enterprises: 11,
    employees: 1843,
    premiumFen: 123_456_789,
    premiumExTaxFen: 116_468_669,
    byCountyIndustry: [
      { county: '140902', countyName: '忻府区', industry: 'MINING', industryName: '非煤矿山', policies: 7, enterprises: 6, employees: 1200, premiumFen: 80_000_001 },
      { county: '140932', countyName: '偏关县', industry: 'HAZCHEM', industryName: '危险化学品', policies: 5, enterprises: 5, employees: 643, premiumFen: 43_456_788 },
    ],
  },
  services: {
    byCategory: [
      { category: 'TRAINING', categoryName: '安全生产教育培训', planned: 24, performed: 18 },
      { category: 'HAZARD_SCREENING', categoryName: '风险辨识评估与隐患排查', planned: 12, performed: 12 },
    ],
    followUps: { onTime: 9, late: 2 },
    archives: { onTime: 28, late: 1 },
    hazards: { found: 40, rectified: 31, major: 3 },
  },
  fees: {
    receivedExTaxFen: 116_468_669,
    accruedFen: 17_470_300,
    spentFen: 18_635_000,
    spentByCategory: [
      { category: 'OFFLINE_SERVICE', categoryName: '线下服务', fen: 12_000_000 },
      { category: 'INFORMATION_SYSTEM', categoryName: '信息系统', fen: 6_635_000 },
    ],
    ratioBp: 1600,
    minimumRatioBp: 1500,
    targetRatioBp: 2100,
  },
  complaints: { received: 5, answeredOnTime: 4, answeredLate: 1, escalated: 1 },
});

const rendered = renderReportFiles.render(FIGURES);

async function pdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

/** Every [label, value] of a sheet: column A's text against column B's value. */
function factsOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const facts = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') facts.set(label, row.getCell(2).value);
  });
  return facts;
}

async function workbookOf(xlsx: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  return workbook;
}

describe('report files (RPT-1, RPT-4)', () => {
  it('RPT-1: the PDF carries its Chinese title, the five section headings and the figures in 元 and %, read back from the PDF’s text', async () => {
    const { pdf } = await rendered;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const heading of ['2026年上半年安全生产责任保险承保、事故预防服务及费用使用情况报告', '一、承保情况', '二、事故预防服务', '三、事故预防服务费用使用情况', '四、投诉处理情况', '五、理赔情况']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('中国人民财产保险股份有限公司忻州市分公司');
    expect(text).toContain('保费收入（含税）1,234,567.89元');
    expect(text).toContain('已支出预防费用186,350.00元');
    expect(text).toContain('最低支出比例15.00%');
    expect(text).toContain('偏关县危险化学品55643434,567.88元');
    expect(text).toContain('本期平台无理赔数据');
  });

  it('RPT-1: the PDF embeds a subset of the CJK font, not the whole 8 MB font', async () => {
    const { pdf } = await rendered;
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+/); // a subset font's name carries its six-letter tag
    expect(pdf.byteLength).toBeLessThan(400_000);
  });

  it('RPT-1: the XLSX has one sheet per section, money in 元 with two decimals (exact to the fen) and ratios as %', async () => {
    const workbook = await workbookOf((await rendered).xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...SECTION_NAMES]);

    const underwriting = factsOf(workbook.getWorksheet('承保情况')!);
    expect(underwriting.get('保单数（件）')).toBe(12);
    expect(Math.round((underwriting.get('保费收入（含税）') as number) * 100)).toBe(123_456_789);
    const premiumRow = workbook.getWorksheet('承保情况')!.getRows(1, 40)!.find((row) => row.getCell(1).value === '保费收入（含税）')!;
    expect(premiumRow.getCell(2).numFmt).toBe('#,##0.00');
    const county = workbook.getWorksheet('承保情况')!.getRows(1, 40)!.find((row) => row.getCell(1).value === '偏关县')!;
    expect([county.getCell(2).value, county.getCell(3).value, Math.round((county.getCell(6).value as number) * 100)]).toEqual(['危险化学品', 5, 43_456_788]);

    const fees = factsOf(workbook.getWorksheet('预防费用')!);
    expect(Math.round((fees.get('已支出预防费用') as number) * 100)).toBe(18_635_000);
    expect(Math.round((fees.get('实收保费（不含税）') as number) * 100)).toBe(116_468_669);
    expect(fees.get('支出占实收保费（不含税）比例')).toBeCloseTo(0.16, 10);
    expect(fees.get('最低支出比例')).toBeCloseTo(0.15, 10);
    expect(fees.get('支出上限比例')).toBeCloseTo(0.21, 10);
    const ratioRow = workbook.getWorksheet('预防费用')!.getRows(1, 40)!.find((row) => row.getCell(1).value === '最低支出比例')!;
    expect(ratioRow.getCell(2).numFmt).toBe('0.00%');

    const services = factsOf(workbook.getWorksheet('事故预防服务')!);
    expect([services.get('发现隐患（项）'), services.get('已整改隐患（项）'), services.get('重大事故隐患（项）')]).toEqual([40, 31, 3]);
    const complaints = factsOf(workbook.getWorksheet('投诉处理')!);
    expect([complaints.get('收到投诉（件）'), complaints.get('按时答复（件）'), complaints.get('向监管部门反映（件）')]).toEqual([5, 4, 1]);
    expect(factsOf(workbook.getWorksheet('理赔')!).has('本期平台无理赔数据。')).toBe(true);
  });

  it('RPT-1: claims, when the insurer has them, fill the 理赔 sheet and section', async () => {
    const withClaims = { ...FIGURES, claims: { registered: 3, paid: 2, declined: 1, paidFen: 5_000_050 } };
    const { xlsx, pdf } = await renderReportFiles.render(withClaims);
    const claims = factsOf((await workbookOf(xlsx)).getWorksheet('理赔')!);
    expect(claims.get('已赔付（件）')).toBe(2);
    expect(Math.round((claims.get('赔款金额') as number) * 100)).toBe(5_000_050);
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('赔款金额50,000.50元');
  });

  it('RPT-4: the same figures render to the same PDF bytes and the same workbook cells', async () => {
    const first = await rendered;
    const again = await renderReportFiles.render(structuredClone(FIGURES));
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    const cells = async (xlsx: Uint8Array) =>
      (await workbookOf(xlsx)).worksheets.map((sheet) => sheet.getSheetValues().map((row) => JSON.stringify(row)));
    expect(await cells(again.xlsx)).toEqual(await cells(first.xlsx));
  });

  it('formats fen and basis points by integer arithmetic', () => {
    expect([yuanText(29), yuanText(-1_000_001), yuanText(0), percentText(1537), percentText(5)]).toEqual(['0.29', '-10,000.01', '0.00', '15.37%', '0.05%']);
  });

  describe('in a Lambda bundle (no node_modules, the font copied beside the code)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'report-bundle-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('RPT-1: the bundled renderer finds the font beside itself and renders the PDF', async () => {
      const entry = join(folder, 'entry.ts');
      // The PDF half: the workbook's exceljs is bundled by the fee-files function already.
      writeFileSync(entry, `export { reportPdf } from ${JSON.stringify(join(process.cwd(), 'functions/adapters/report-file/report-pdf.ts'))};\n`);
      await build({
        entryPoints: [entry],
        outfile: join(folder, 'index.mjs'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'silent',
        // As infra/constructs/anze-function.ts bundles every function.
        banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
      });
      // The stack's afterBundling step for a context's `bundledFiles` (infra/constructs/anze-function.ts).
      for (const command of copyIntoBundle([REPORT_FONT_SOURCE], process.cwd(), folder)) execSync(command);
      expect(existsSync(join(folder, REPORT_FONT_FILE))).toBe(true);
      const bundled = (await import(pathToFileURL(join(folder, 'index.mjs')).href)) as { reportPdf: typeof reportPdf };
      const pdf = await bundled.reportPdf(FIGURES);
      expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('三、事故预防服务费用使用情况');
    }, 60_000);

    it('RPT-1: every function whose bundle holds the renderer (the report routes) gets the font copied beside it', async () => {
      const reportContexts = BOUNDED_CONTEXTS.filter((context) => context.routes.some((route) => route.path.includes('/reports')));
      for (const context of reportContexts) {
        const { metafile } = await build({ entryPoints: [context.entry], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
        if (Object.keys(metafile.inputs).includes('functions/adapters/report-file/report-font.ts')) {
          expect(BUNDLED_FILES[context.name], context.name).toContain(REPORT_FONT_SOURCE);
        }
      }
    }, 60_000);
  });
});
