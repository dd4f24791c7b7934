import { describe, expect, it } from 'vitest';
import { zhCN } from './messages.zh-CN';

/**
 * Issue 15, "Chinese throughout": a zh-CN message holds no Latin words — no English, no codes (`COAL_MINE`),
 * no rule ids (`CMP-8`, jargon to an enterprise) — except the names people use as they are.
 */
const ALLOWED_WORDS = new Set([
  // Identifiers and file formats Chinese users name in Latin letters.
  'USCC',
  'PDF',
  'XLSX',
  'XLS',
  'CSV',
  'UTF-8',
  'SHA-256',
  'DOC',
  'DOCX',
  'PPTX',
  'Office',
  'JPG',
  'PNG',
  'WEBP',
  'HEIC',
  'MP4',
  'MOV',
  'YYYY-MM-DD',
]);

/** Messages allowed a Latin word for a stated reason. */
const ALLOWED_IN_KEY: Readonly<Record<string, { readonly words: readonly string[]; readonly why: string }>> = {
  'locale.en-US': { words: ['English'], why: 'the language switch names each language in that language' },
  'policy.numberHint': { words: ['AZ', 'AZ-2026-10009876-000001'], why: 'the platform-generated policy number (UW-1) is shown as it is printed' },
};

/** Latin words: letters, digits, `-` and `_` runs that start with a letter; `{placeholders}` are not text. */
function latinWords(text: string): string[] {
  return [...text.replace(/\{\w+\}/g, '').matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/g)].map((match) => match[0]);
}

/** A single letter (a grade: B 类) or an example number (PZAA2026…) is not a word. */
const isWordish = (word: string): boolean => word.length > 1 && !/^[A-Z]+\d{6,}$/.test(word);

describe('the zh-CN catalogue is Chinese (issue 15)', () => {
  it('has no Latin words, codes or rule ids outside the allow-list', () => {
    const found = Object.entries(zhCN).flatMap(([key, text]) =>
      latinWords(text)
        .filter(isWordish)
        .filter((word) => !ALLOWED_WORDS.has(word) && !ALLOWED_IN_KEY[key]?.words.includes(word))
        .map((word) => `${key}: ${word} in “${text}”`),
    );
    expect(found).toEqual([]);
  });

  it('finds the words it is meant to find', () => {
    expect(latinWords('行业须为规定的行业代码之一（如 COAL_MINE）').filter(isWordish)).toEqual(['COAL_MINE']);
    expect(latinWords('两个时限以较早者为准（CMP-8）').filter(isWordish)).toEqual(['CMP-8']);
    // The other leaks issue 15 saw: a rule-set id and a service-organisation scope shown as their codes.
    expect(latinWords('规则集 xinzhou-2024 第 3 版，服务范围 HAZARD_INSPECTION').filter(isWordish)).toEqual(['xinzhou-2024', 'HAZARD_INSPECTION']);
    expect(latinWords('已发布 v{version}，B 类，如 PZAA2026140900000001').filter(isWordish)).toEqual([]);
  });
});
