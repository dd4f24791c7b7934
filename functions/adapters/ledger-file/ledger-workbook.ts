import { PassThrough } from 'node:stream';
import type { FeeSummary } from '../../../domain/fees/compliance.js';
import { effectOf } from '../../../domain/fees/ledger-entry.js';
import type { ExpenseCategory, LedgerEntry, LedgerEntryKind } from '../../../domain/fees/ledger-entry.js';
import type { LedgerFile, LedgerFileWriter } from '../../../domain/fees/ledger-file.port.js';
import { addEntry, balanceOf, NO_TOTALS } from '../../../domain/fees/year-ledger.js';
import type { Fen } from '../../../domain/kernel/money.js';

/** The ledger sheet's name and its columns, in the order of the paper 台账. */
export const LEDGER_SHEET = '台账 Ledger';
export const SUMMARY_SHEET = '汇总 Summary';
export const TOTAL_LABEL = '合计 Total';

/** Columns holding money (yuan, two decimals), by key; the totals row sums exactly these. */
export const MONEY_COLUMNS = ['receivedYuan', 'premiumExTaxYuan', 'accruedYuan', 'spentYuan', 'balanceYuan'] as const;

const COLUMNS: readonly { header: string; key: string; width: number; money?: true }[] = [
  { header: '序号 No.', key: 'sequence', width: 9 },
  { header: '日期 Date', key: 'date', width: 12 },
  { header: '类型 Kind', key: 'kind', width: 14 },
  { header: '类别 Category', key: 'category', width: 22 },
  { header: '摘要 Description', key: 'description', width: 36 },
  { header: '保单号 Policy', key: 'policyNumber', width: 24 },
  { header: '实收保费(含税) Premium received', key: 'receivedYuan', width: 16, money: true },
  { header: '实收保费(不含税) Premium ex-tax', key: 'premiumExTaxYuan', width: 16, money: true },
  { header: '提取 Accrued', key: 'accruedYuan', width: 14, money: true },
  { header: '支出 Spent', key: 'spentYuan', width: 14, money: true },
  { header: '余额 Balance', key: 'balanceYuan', width: 14, money: true },
  { header: '冲销 Reverses No.', key: 'reverses', width: 10 },
  { header: '垫支 Advance', key: 'advance', width: 8 },
  { header: '关联 Link', key: 'link', width: 30 },
  { header: '录入人 Recorded by', key: 'recordedBy', width: 28 },
  { header: '录入时间 Recorded at', key: 'recordedAt', width: 24 },
  { header: '编号 Entry id', key: 'id', width: 28 },
];

const KIND_NAMES: Readonly<Record<LedgerEntryKind, string>> = {
  ACCRUAL: '提取 Accrual',
  EXPENSE: '支出 Expense',
  REVERSAL: '冲销 Reversal',
};

/** FEE-3's allowed categories as the ledger names them. */
export const CATEGORY_NAMES: Readonly<Record<ExpenseCategory, string>> = {
  OFFLINE_SERVICE: '线下服务 Offline service',
  ONLINE_SERVICE: '线上服务 Online service',
  THIRD_PARTY_SERVICE: '第三方服务 Third-party service',
  TRAINING_MATERIALS: '培训及资料 Training and materials',
  INFORMATION_SYSTEM: '信息系统 Information system',
};

/**
 * A cell's yuan: fen ÷ 100 as a number, so the sheet can add it up. Every fen amount here is far below 2^53 ÷ 100,
 * so `Math.round(yuan × 100)` gives back the exact fen — which is how a reader checks the file to the fen.
 */
const yuan = (fen: Fen): number => fen / 100;

function rowOf(entry: LedgerEntry, balanceFen: Fen): Record<string, string | number> {
  const effect = effectOf(entry);
  const common = {
    sequence: entry.sequence,
    date: entry.date,
    kind: KIND_NAMES[entry.kind],
    receivedYuan: yuan(effect.receivedFen),
    premiumExTaxYuan: yuan(effect.premiumExTaxFen),
    accruedYuan: yuan(effect.accruedFen),
    spentYuan: yuan(effect.spentFen),
    balanceYuan: yuan(balanceFen),
    advance: entry.advance ? '是 Yes' : '',
    recordedBy: entry.recordedBy,
    recordedAt: entry.recordedAt,
    id: entry.id,
  };
  switch (entry.kind) {
    case 'ACCRUAL':
      return {
        ...common,
        category: `${(entry.accrualBasisPoints / 100).toFixed(2)}%`,
        description: `保费收入提取 accrual on premium received`,
        policyNumber: entry.policyNumber,
        link: `receipt ${entry.receiptId}`,
      };
    case 'EXPENSE':
      return {
        ...common,
        category: CATEGORY_NAMES[entry.category],
        description: entry.description,
        link: entry.serviceId !== undefined ? `service ${entry.serviceId}` : `document ${entry.document?.name ?? ''}`,
      };
    case 'REVERSAL':
      return {
        ...common,
        category: entry.reverses.category ? CATEGORY_NAMES[entry.reverses.category] : '',
        description: entry.reason,
        reverses: entry.reverses.sequence,
        link: `entry ${entry.reverses.entryId}`,
      };
  }
}

/** The workbook and what it holds, so the answer can state its totals without reading it back. */
export interface LedgerWorkbook extends LedgerFile {
  readonly bytes: Buffer;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * FEE-2, FEE-4: one year's ledger as XLSX (exceljs, streamed so that a year of 100,000 entries is written row
 * by row): a summary sheet with the year's counters and compliance, then the ledger — one row per entry in
 * sequence order with its signed effect and the running balance — and a totals row. The totals are summed
 * from the entries in integer fen, not from the counters, so a reader can compare the two to the fen.
 *
 * exceljs is loaded on the first export, not when the function starts: it is large and only this route uses it.
 */
export async function ledgerWorkbook(
  summary: FeeSummary,
  eachEntryPage: (visit: (entries: readonly LedgerEntry[]) => void) => Promise<void>,
): Promise<LedgerWorkbook> {
  const { default: ExcelJS } = await import('exceljs');
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });

  const overview = workbook.addWorksheet(SUMMARY_SHEET);
  overview.columns = [
    { header: '项目 Item', key: 'item', width: 42 },
    { header: '数值 Value', key: 'value', width: 22 },
  ];
  const figure = (item: string, value: string | number, money = false) => {
    const row = overview.addRow({ item, value });
    if (money) row.getCell('value').numFmt = '#,##0.00';
    row.commit();
  };
  figure('年度 Year', summary.year);
  figure('规则集 Rule set', `${summary.ruleSetId} v${summary.ruleSetVersion}`);
  figure('实收保费(含税) Premium received', yuan(summary.receivedFen), true);
  figure('实收保费(不含税) Premium ex-tax', yuan(summary.premiumExTaxFen), true);
  figure('已提取 Accrued', yuan(summary.accruedFen), true);
  figure('已支出 Spent', yuan(summary.spentFen), true);
  figure('余额 Balance', yuan(summary.balanceFen), true);
  figure('支出占比 Spent ÷ premium ex-tax', summary.ratio === null ? '—' : `${(summary.ratio * 100).toFixed(2)}%`);
  figure(`下限 Floor ${summary.floorBasisPoints / 100}%: 应支出 required`, yuan(summary.requiredSpendFen), true);
  figure(`上限 Ceiling ${summary.ceilingBasisPoints / 100}%`, yuan(summary.ceilingFen), true);
  figure('达标 Compliant (FEE-4)', summary.compliant ? '是 Yes' : '否 No');
  figure('超上限 Above ceiling (FEE-5)', summary.aboveCeiling ? '是 Yes' : '否 No');
  figure('垫支笔数 Advances', summary.advances);
  figure('未覆盖垫支 Outstanding advance', yuan(summary.outstandingAdvanceFen), true);
  figure('条目 Entries', summary.lastSequence);
  overview.commit();

  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(({ header, key, width, money }) => ({ header, key, width, ...(money ? { style: { numFmt: '#,##0.00' } } : {}) }));
  let totals = NO_TOTALS;
  let entries = 0;
  await eachEntryPage((page) => {
    for (const entry of page) {
      totals = addEntry(totals, entry);
      entries += 1;
      sheet.addRow(rowOf(entry, balanceOf(totals))).commit();
    }
  });
  sheet
    .addRow({
      sequence: TOTAL_LABEL,
      receivedYuan: yuan(totals.receivedFen),
      premiumExTaxYuan: yuan(totals.premiumExTaxFen),
      accruedYuan: yuan(totals.accruedFen),
      spentYuan: yuan(totals.spentFen),
      balanceYuan: yuan(balanceOf(totals)),
    })
    .commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return { bytes: Buffer.concat(chunks), entries, totals };
}

/**
 * The ledger file as XLSX ({@link ledgerWorkbook}). Importing this module costs nothing: exceljs is loaded when
 * the first workbook is written, so only the export route pays for it.
 */
export class XlsxLedgerFileWriter implements LedgerFileWriter {
  readonly contentType = XLSX_CONTENT_TYPE;

  fileNameOf(year: number): string {
    return `事故预防费用台账-${year}.xlsx`;
  }

  write(summary: FeeSummary, eachEntryPage: (visit: (entries: readonly LedgerEntry[]) => void) => Promise<void>): Promise<LedgerWorkbook> {
    return ledgerWorkbook(summary, eachEntryPage);
  }
}
