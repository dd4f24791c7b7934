import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../infra/constructs/repo-paths.js';

/**
 * SECURITY.md's table is a set of claims, each backed by tests: every row names at least one test, and every test it
 * names exists under that title in that file (a renamed or deleted test fails here, not silently in the document).
 */
const table = readFileSync(repoPath('SECURITY.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| (API\d+|\*?API\d+)/.test(line));

/** Each `file.test.ts` — "title"; "title" … group of a row: the file, then every quoted title up to the next file. */
function citations(row: string): { file: string; title: string }[] {
  const found: { file: string; title: string }[] = [];
  for (const group of row.matchAll(/`([\w./-]+\.test\.ts)` — ((?:"[^"]+"[^`"|]*)+)/g)) {
    for (const title of (group[2] ?? '').matchAll(/"([^"]+)"/g)) found.push({ file: group[1] ?? '', title: title[1] ?? '' });
  }
  return found;
}

/** A title as written in the test source: vitest's %s/%j placeholders and `…` (a template part) match anything; a quote may be escaped. */
function titlePattern(title: string): RegExp {
  const escaped = title
    .split(/%[sjdi]|…/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "\\\\?'"))
    .join('[\\s\\S]*?');
  return new RegExp(escaped);
}

describe('SECURITY.md (issue 12: the OWASP API Top 10 table)', () => {
  it('has a row for each of API1..API10, each naming at least one test', () => {
    const items = new Set(table.map((row) => /API(\d+)/.exec(row)?.[1]));
    expect([...items].sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const row of table) expect(citations(row).length, row.slice(0, 60)).toBeGreaterThan(0);
  });

  it('names only tests that exist, under their titles, in the files it says', () => {
    const missing: string[] = [];
    for (const { file, title } of table.flatMap(citations)) {
      const path = repoPath(`test/${file}`);
      if (!existsSync(path) || !titlePattern(title).test(readFileSync(path, 'utf8'))) missing.push(`${file} — ${title}`);
    }
    expect(missing).toEqual([]);
  });
});
