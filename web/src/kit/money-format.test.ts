import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Issue 15, one money format: amounts are shown by `formatFen` / `<Money>` only (`140,348.25 元`), never by
 * hand — an ad-hoc `fen / 100` turned into text drops the decimals or the separators, and `¥` beside 元 says the
 * currency twice. (Inputs in 元 are parsed by decimal.ts, which accepts a typed `¥`; form values are numbers.)
 */
const AD_HOC = [
  { pattern: /Fen\s*\/\s*100\)?\s*\.\s*(?:toLocaleString|toFixed)\(/, what: 'fen turned into text by hand' },
  { pattern: /¥/, what: 'the ¥ sign (元 is the unit the console says)' },
  { pattern: /style:\s*'currency'/, what: 'Intl currency formatting' },
];
const ALLOWED: Readonly<Record<string, string>> = {
  'kit/decimal.ts': 'parses typed amounts, where a leading ¥ is accepted',
  'i18n/format.ts': 'the one money format',
};

describe('one money format (issue 15)', () => {
  it('no page formats money by hand: every amount goes through formatFen or <Money>', () => {
    const found = sources(SRC).flatMap((path) => {
      const file = relative(SRC, path).replace(/\\/g, '/');
      if (file in ALLOWED) return [];
      return readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => AD_HOC.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${file}:${index + 1} ${what}: ${line.trim()}`));
    });
    expect(found).toEqual([]);
  });
});
