/**
 * Writes domain/kernel/calendar/builtin-years.data.ts from chinese-days' data file (CAL-1).
 *
 * Why a generated copy: the package's JSON is 44 KB (holiday names in two languages, days off in lieu) and an
 * esbuild bundle inlines all of it into every Lambda that counts working days, while the calendar reads only
 * which days are holidays and which weekend days are worked. The copy keeps just those dates, 4 characters a
 * day. test/domain/kernel/calendar/builtin-years.test.ts checks it against the package, so bumping chinese-days
 * without running `npm run generate:calendar` fails the suite.
 *
 * `--check` exits 1 when the file on disk differs from what would be written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinCalendarSource } from './builtin-calendar-source.js';

const target = fileURLToPath(new URL('../../domain/kernel/calendar/builtin-years.data.ts', import.meta.url));
const source = builtinCalendarSource();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== source) {
    console.error(`${target} is stale: run npm run generate:calendar`);
    process.exit(1);
  }
} else {
  writeFileSync(target, source);
  console.info(`wrote ${target} (${source.length} characters)`);
}
