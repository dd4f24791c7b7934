import { areaName, isXinzhouArea } from '../kernel/area.js';
import { registerColumn, registerHeaderOf, REGISTER_FILE_HEADERS, type RegisterColumnKey } from './register-columns.js';

/**
 * REG-1 (issue 15): every message of a register import, in Chinese, in one place — the rows' problems, the
 * header's, the file's — so the regulator reads the row, the column by its Chinese header and the rule, e.g.
 * 「第 12 行「统一社会信用代码」：校验位应为 A，不是 B（UW-2）」. The rule id stays at the end for the staff who look
 * rules up, and in the problem's `rule` field.
 */

/** 第 N 行「列」：what is wrong（RULE）. */
export function rowMessage(row: number, field: string, text: string, rule: string): string {
  return `第 ${row} 行「${registerHeaderOf(field)}」：${text}（${rule}）`;
}

/** 第 1 行（表头）：what is wrong（RULE）. */
export function headerMessage(row: number, text: string, rule = 'REG-1'): string {
  return `第 ${row} 行（表头）：${text}（${rule}）`;
}

const area = (code: string): string => (isXinzhouArea(code) ? areaName(code) : code);
const HEADERS = REGISTER_FILE_HEADERS.join('、');
const choicesOf = (key: RegisterColumnKey): string =>
  (registerColumn(key).choices ?? []).map((choice) => choice.label).join('、');

/** The texts after 「第 N 行「列」：」, by what is wrong. */
export const IMPORT_TEXTS = {
  emptyFile: `文件是空的，第 1 行应为表头：${HEADERS}`,
  unknownColumn: (name: string) => `无法识别的列「${name}」；可用的列：${HEADERS}（也可用英文代码 uscc、name 等）`,
  duplicateColumn: (name: string) => `「${name}」列出现了两次`,
  missingColumn: (key: RegisterColumnKey) => `缺少「${registerHeaderOf(key)}」列；表头应为：${HEADERS}`,
  noRows: '表头下没有数据行',
  tooManyRows: (max: number) => `每个文件最多 ${max} 行，请拆分为多个文件`,
  usccMissing: '必填，填写企业的 18 位统一社会信用代码',
  usccShape: '应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z）',
  usccCheck: (stated: string, expected: string) => `校验位错误：按前 17 位应为 ${expected}，文件中为 ${stated}`,
  usccTwice: (first: number) => `与第 ${first} 行重复，同一企业只能登记一次`,
  nameMissing: '必填，填写企业登记的名称',
  tooLong: (max: number) => `过长，最多 ${max} 个字`,
  choiceUnknown: (key: RegisterColumnKey, stated: string) =>
    stated === '' ? `必填，应为以下之一：${choicesOf(key)}` : `「${stated}」无法识别，应为以下之一：${choicesOf(key)}`,
  wholeNumber: (stated: string, unit: string) =>
    stated === '' ? `必填，填写不小于 0 的整数${unit}` : `「${stated}」不是不小于 0 的整数${unit}`,
  sizeNeedsReason: (stated: string, derived: string, staff: number, revenueWan: number) =>
    `企业规模填为${stated}，按从业人员 ${staff} 人、营业收入 ${revenueWan} 万元测算为${derived}；与测算不同时须在「${registerHeaderOf('sizeOverrideReason')}」列说明理由`,
  reasonEmpty: '须说明调整企业规模的理由',
  otherCounty: (own: string, stated: string) => `县级应急管理局只能登记本县（区）（${area(own)}）的企业，此行为${area(stated)}`,
  registeredElsewhere: (county: string) => `该企业已登记在${area(county)}，只能由该县（区）应急管理局或市应急管理局修改`,
  /** The whole file's answer: how many problems in how many rows, and the first of them. */
  refused: (problems: number, rows: number, first: string | undefined) =>
    `文件未导入，未写入任何数据：${rows} 行共 ${problems} 处问题${first === undefined ? '' : `，第一处：${first}`}（REG-1）`,
  /** What cannot be read as a register file at all. */
  notXlsx: '文件名为 .xlsx，但内容不是 XLSX 工作簿',
  csvIsWorkbook: '文件名为 .csv，但内容是工作簿，请将文件名改为 .xlsx',
  csvNotUtf8: 'CSV 文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件',
  csvOpenQuote: (row: number) => `CSV 文件第 ${row} 行的引号没有闭合`,
  unreadableXlsx: '无法读取该 XLSX 工作簿',
  noSheet: '工作簿中没有工作表',
  badExtension: '文件名须以 .csv 或 .xlsx 结尾',
} as const;
