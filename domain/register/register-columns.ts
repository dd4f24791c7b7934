import { XINZHOU_AREAS } from '../kernel/area.js';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { INDUSTRIES, INDUSTRY_NAMES_ZH } from '../kernel/industry.js';
import type { RegisterEntry } from './register-entry.js';

/**
 * REG-1: the one definition of a register file's columns (企业底数), used by the import's parsing
 * (register-row.ts), the downloadable template (the console's 下载导入模板) and the register's export, so that
 * an exported file can be imported again as it is (issue 15). Pure: the console reaches it through
 * web/src/reference/domain.ts.
 *
 * A file names each column by its Chinese header (what the template and the export write), by one of the
 * headers people commonly use for it, or by its code key (`uscc`, … — files made for the API before issue 15);
 * an enumerated cell holds the Chinese label (煤矿, 忻府区, 大型) or the code (COAL_MINE, 140902, LARGE).
 */

/** The columns' keys, in the seed register's order (`uscc,name,industry,county,staff,revenueWan,size`). */
export const REGISTER_COLUMN_KEYS = ['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size', 'sizeOverrideReason'] as const;
export type RegisterColumnKey = (typeof REGISTER_COLUMN_KEYS)[number];

/** One value of an enumerated column: its code, its Chinese label, and other ways people write it. */
export interface RegisterChoice {
  readonly code: string;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export interface RegisterColumn {
  readonly key: RegisterColumnKey;
  /** The Chinese header the template and the export write, and the name row messages use. */
  readonly header: string;
  /** Other headers accepted on import (the key is always accepted). */
  readonly aliases: readonly string[];
  /** Every file must have the column (a cell may still be blank where the rule allows, e.g. 企业规模). */
  readonly required: boolean;
  readonly kind: 'text' | 'whole' | 'choice';
  /** The rule a bad cell breaks (the row message cites it). */
  readonly rule: string;
  /** For `choice` columns: the values, in the domain's order. */
  readonly choices?: readonly RegisterChoice[];
  /** The template's example row. */
  readonly example: string | number;
  /** Column width in characters, for the template and the export. */
  readonly width: number;
  /** What the export writes for an entry: labels for enumerated columns, plain numbers. */
  readonly cellOf: (entry: RegisterEntry) => string | number;
}

const SIZE_LABELS: Readonly<Record<(typeof ENTERPRISE_SIZES)[number], string>> = { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' };

/** The short forms people use for the notice's longer industry names. */
const INDUSTRY_ALIASES: Partial<Readonly<Record<(typeof INDUSTRIES)[number], readonly string[]>>> = {
  COAL_MINE: ['煤矿企业', '煤炭'],
  NON_COAL_MINE: ['非煤矿山企业'],
  TAILINGS_POND: ['尾矿'],
  HAZCHEM: ['危化品', '危险化学品企业'],
  FIREWORKS: ['烟花爆竹企业'],
  METAL_SMELTING: ['冶金', '金属冶炼企业'],
  CHEMICAL: ['化工企业'],
  DUST_EXPLOSION: ['粉尘涉爆'],
  GAS_GENERATOR: ['使用煤气发生炉', '煤气发生炉'],
  CONFINED_SPACE: ['有限空间作业', '有限空间'],
  MASS_CASUALTY_OTHER: ['其他可能导致群死群伤的行业', '群死群伤'],
};

/** 忻府区 is also written 忻府 or 忻州市忻府区; the two management areas by their short names. */
const areaAliases = (nameZh: string): string[] => {
  const short = nameZh.replace(/(区|县|市)$/, '');
  return [...(short.length >= 2 ? [short] : []), `忻州市${nameZh}`, ...(nameZh === '忻州经济开发区' ? ['经济开发区', '开发区', '忻州开发区'] : []), ...(nameZh === '五台山风景名胜区' ? ['五台山风景区', '五台山'] : [])];
};

export const INDUSTRY_CHOICES: readonly RegisterChoice[] = INDUSTRIES.map((code) => ({ code, label: INDUSTRY_NAMES_ZH[code], aliases: INDUSTRY_ALIASES[code] ?? [] }));
export const AREA_CHOICES: readonly RegisterChoice[] = XINZHOU_AREAS.map((area) => ({ code: area.code, label: area.nameZh, aliases: areaAliases(area.nameZh) }));
export const SIZE_CHOICES: readonly RegisterChoice[] = ENTERPRISE_SIZES.map((code) => ({
  code,
  label: SIZE_LABELS[code],
  aliases: [`${SIZE_LABELS[code]}企业`, SIZE_LABELS[code].slice(0, 1)],
}));

/** REG-1: the register file's columns, in order. */
export const REGISTER_FILE_COLUMNS: readonly RegisterColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    aliases: ['社会信用代码', '信用代码', '统一代码'],
    required: true,
    kind: 'text',
    rule: 'UW-2',
    example: '91140902100079190P',
    width: 22,
    cellOf: (entry) => entry.uscc,
  },
  {
    key: 'name',
    header: '企业名称',
    aliases: ['单位名称', '企业（单位）名称', '名称'],
    required: true,
    kind: 'text',
    rule: 'REG-1',
    example: '忻府忻达煤业有限责任公司',
    width: 36,
    cellOf: (entry) => entry.name,
  },
  {
    key: 'industry',
    header: '行业',
    aliases: ['行业类别', '所属行业', '行业类型'],
    required: true,
    kind: 'choice',
    rule: 'SCOPE-1',
    choices: INDUSTRY_CHOICES,
    example: '煤矿',
    width: 20,
    cellOf: (entry) => INDUSTRY_NAMES_ZH[entry.industry],
  },
  {
    key: 'county',
    header: '区县',
    aliases: ['所属区县', '县区', '县（市、区）', '所在区县', '区域', '所属区域'],
    required: true,
    kind: 'choice',
    rule: 'SCOPE-5',
    choices: AREA_CHOICES,
    example: '忻府区',
    width: 16,
    cellOf: (entry) => labelOf(AREA_CHOICES, entry.county),
  },
  {
    key: 'staff',
    header: '从业人员',
    aliases: ['从业人员（人）', '从业人数', '职工人数', '员工人数'],
    required: true,
    kind: 'whole',
    rule: 'SCOPE-4',
    example: 254,
    width: 10,
    cellOf: (entry) => entry.staff,
  },
  {
    key: 'revenueWan',
    header: '营业收入（万元）',
    aliases: ['营业收入', '年营业收入（万元）', '营业收入万元'],
    required: true,
    kind: 'whole',
    rule: 'SCOPE-4',
    example: 1175,
    width: 16,
    cellOf: (entry) => entry.revenueWan,
  },
  {
    key: 'size',
    header: '企业规模',
    aliases: ['规模', '企业规模（大中小微）'],
    // SCOPE-4: derived from staff and revenue when blank, so a sheet without the column is complete.
    required: false,
    kind: 'choice',
    rule: 'SCOPE-4',
    choices: SIZE_CHOICES,
    example: '小型',
    width: 10,
    cellOf: (entry) => labelOf(SIZE_CHOICES, entry.size),
  },
  {
    key: 'sizeOverrideReason',
    header: '规模调整理由',
    aliases: ['调整企业规模的理由', '规模调整原因', '调整理由'],
    required: false,
    kind: 'text',
    rule: 'SCOPE-4',
    example: '',
    width: 24,
    cellOf: (entry) => entry.sizeOverrideReason ?? '',
  },
];

const COLUMN_OF: ReadonlyMap<RegisterColumnKey, RegisterColumn> = new Map(REGISTER_FILE_COLUMNS.map((column) => [column.key, column]));

/** The column of `key`. */
export function registerColumn(key: RegisterColumnKey): RegisterColumn {
  return COLUMN_OF.get(key) as RegisterColumn;
}

/** The Chinese header of a column key; anything else (a header the file made up) as it is. */
export function registerHeaderOf(field: string): string {
  return COLUMN_OF.get(field as RegisterColumnKey)?.header ?? field;
}

/**
 * A text cell (a name, a reason) without its typing noise: zero-width characters and a byte-order mark dropped,
 * ends trimmed (ideographic and non-breaking spaces included). Full-width brackets stay: they are part of
 * registered names such as 忻州某某（集团）有限公司.
 *
 * @example
 * cleanText('\u3000忻州某某（集团）有限公司 '); // '忻州某某（集团）有限公司'
 */
export function cleanText(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

/**
 * A code, number or enumerated cell as it is meant: full-width letters and digits read as ASCII (NFKC:
 * ＣＯＡＬ＿ＭＩＮＥ, １４０９０２), every space gone (a code has none: 1409 02 is 140902).
 *
 * @example
 * cleanCode('\u3000１４０９０２ '); // '140902'
 */
export function cleanCode(text: string): string {
  // Most cells are plain ASCII already: skip the normalisation for them (5,000 rows × 6 cells an import).
  if (/^[\x21-\x7e]*$/.test(text)) return text;
  return cleanText(text).normalize('NFKC').replace(/\s+/g, '');
}

/** A header or an enumerated value compared without spaces, the brackets' width, letter case or a required-mark `*`. */
const comparable = (text: string): string => cleanCode(text).replace(/^\*|\*$/g, '').toUpperCase();

const HEADER_KEYS: ReadonlyMap<string, RegisterColumnKey> = new Map(
  REGISTER_FILE_COLUMNS.flatMap((column) => [column.key, column.header, ...column.aliases].map((name) => [comparable(name), column.key] as const)),
);

/**
 * REG-1: the column a file's header cell names — its Chinese header, a common alias, or the code key —
 * or `undefined`.
 *
 * @example
 * registerColumnKeyOf(' 统一社会信用代码 '); // 'uscc'
 * registerColumnKeyOf('营业收入(万元)');     // 'revenueWan'
 * registerColumnKeyOf('revenueWan');        // 'revenueWan'
 */
export function registerColumnKeyOf(header: string): RegisterColumnKey | undefined {
  return HEADER_KEYS.get(comparable(header));
}

const choiceIndex = (choices: readonly RegisterChoice[]): ReadonlyMap<string, string> =>
  new Map(choices.flatMap((choice) => [choice.code, choice.label, ...(choice.aliases ?? [])].map((text) => [comparable(text), choice.code] as const)));
const CHOICE_INDEX: ReadonlyMap<RegisterColumnKey, ReadonlyMap<string, string>> = new Map(
  REGISTER_FILE_COLUMNS.filter((column) => column.choices !== undefined).map((column) => [column.key, choiceIndex(column.choices ?? [])]),
);

/**
 * REG-1: the code an enumerated cell stands for — by its Chinese label (煤矿, 忻府区, 大型), a common short form
 * (忻府, 大型企业) or the code itself in any case (coal_mine, 140902) — or `undefined` when it is none of them.
 *
 * @example
 * choiceCodeOf('industry', '煤矿');  // 'COAL_MINE'
 * choiceCodeOf('county', '１４０９０２'); // '140902'
 * choiceCodeOf('size', '大型');      // 'LARGE'
 */
export function choiceCodeOf(key: RegisterColumnKey, cell: string): string | undefined {
  return CHOICE_INDEX.get(key)?.get(comparable(cell));
}

/** The Chinese label of a code among `choices`; an unknown code as it is. */
export function labelOf(choices: readonly RegisterChoice[], code: string): string {
  return choices.find((choice) => choice.code === code)?.label ?? code;
}

/** REG-1: the headers of a register file, in order — the template's and the export's first row. */
export const REGISTER_FILE_HEADERS: readonly string[] = REGISTER_FILE_COLUMNS.map((column) => column.header);

/**
 * REG-1: an entry as a row of the register file (the export's rows): labels for industry, county and size,
 * plain numbers, so the file imports again unchanged.
 *
 * @example
 * registerFileRow(entry); // ['91140902100079190P', '忻府忻达煤业有限责任公司', '煤矿', '忻府区', 254, 1175, '小型', '']
 */
export function registerFileRow(entry: RegisterEntry): (string | number)[] {
  return REGISTER_FILE_COLUMNS.map((column) => column.cellOf(entry));
}

/** REG-1: the template's example row. */
export const REGISTER_TEMPLATE_EXAMPLE: readonly (string | number)[] = REGISTER_FILE_COLUMNS.map((column) => column.example);
