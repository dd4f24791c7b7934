import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * RPT-1: the CJK font the report PDF embeds (as a subset of the glyphs it uses): Noto Sans Hans Regular, an
 * OpenType CFF font covering GB 2312, from the npm package @embedpdf/fonts-sc (OFL-1.1). Why this one and how
 * it reaches the Lambda: FONT.md beside this file.
 */
export const REPORT_FONT_PACKAGE = '@embedpdf/fonts-sc';
export const REPORT_FONT_FILE = 'NotoSansHans-Regular.otf';
/** Where the font is in the repository's node_modules: the file a function bundle must carry beside its code. */
export const REPORT_FONT_SOURCE = `node_modules/${REPORT_FONT_PACKAGE}/fonts/${REPORT_FONT_FILE}`;

let located: string | undefined;

/**
 * The font's path: `ANZE_REPORT_FONT` when set; else the copy beside the running module (a Lambda bundle, where
 * no node_modules exist); else the npm package's own file (local runs and tests). The package's `exports` name
 * only its index, so the file is found from the index's place.
 *
 * @throws Error when none exists — a deployment without the font, which no request can repair.
 */
export function reportFontPath(): string {
  if (located !== undefined) return located;
  const candidates: string[] = [];
  const configured = process.env.ANZE_REPORT_FONT;
  if (configured !== undefined && configured !== '') candidates.push(configured);
  candidates.push(fileURLToPath(new URL(`./${REPORT_FONT_FILE}`, import.meta.url)));
  try {
    const index = createRequire(import.meta.url).resolve(REPORT_FONT_PACKAGE);
    candidates.push(join(dirname(index), '..', 'fonts', REPORT_FONT_FILE));
  } catch {
    // Not installed (a bundle): only the copies above can serve.
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`RPT-1: the report font ${REPORT_FONT_FILE} is missing; looked in ${candidates.join(', ')}`);
  located = found;
  return found;
}
