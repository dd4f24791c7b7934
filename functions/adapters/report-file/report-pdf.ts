import type { ReportFigures } from '../../../domain/reports/report-figures.js';
import type { SelfEvaluation } from '../../../domain/reports/self-evaluation.js';
import { reportFontPath } from './report-font.js';
import { reportHeaderLines, reportTitle, sectionsOf, valueText, type ReportValue } from './report-sections.js';

const MARGIN = 50;
const CELL_PADDING = 4;
const BODY_SIZE = 9.5;
const BORDER = '#999999';
const HEADER_FILL = '#eeeeee';

type Document = PDFKit.PDFDocument;

interface Column {
  readonly header: string;
  readonly width: number;
  readonly alignRight: boolean;
}

/** Numbers line up on the right, words on the left. */
const isNumber = (value: ReportValue) => value.kind !== 'text';

function columnsOf(doc: Document, headers: readonly { header: string; weight: number }[], numeric: readonly boolean[]): Column[] {
  const width = doc.page.width - 2 * MARGIN;
  const total = headers.reduce((sum, column) => sum + column.weight, 0);
  return headers.map((column, index) => ({ header: column.header, width: (width * column.weight) / total, alignRight: numeric[index] ?? false }));
}

/** Moves to a new page when `height` more does not fit on this one; answers whether it did. */
function ensureRoom(doc: Document, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN) return false;
  doc.addPage();
  return true;
}

function rowHeight(doc: Document, cells: readonly string[], columns: readonly Column[]): number {
  doc.fontSize(BODY_SIZE);
  const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index]!.width - 2 * CELL_PADDING }));
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(doc: Document, cells: readonly string[], columns: readonly Column[], header: boolean): void {
  const height = rowHeight(doc, cells, columns);
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((cell, index) => {
    const column = columns[index]!;
    if (header) doc.rect(x, top, column.width, height).fillAndStroke(HEADER_FILL, BORDER);
    else doc.rect(x, top, column.width, height).stroke(BORDER);
    doc
      .fillColor('#000000')
      .fontSize(BODY_SIZE)
      .text(cell, x + CELL_PADDING, top + CELL_PADDING, {
        width: column.width - 2 * CELL_PADDING,
        align: column.alignRight && !header ? 'right' : 'left',
      });
    x += column.width;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

/** A table whose heading row is drawn again at the top of each page it runs onto. */
function drawTable(doc: Document, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const headers = columns.map((column) => column.header);
  ensureRoom(doc, rowHeight(doc, headers, columns) * 2);
  drawRow(doc, headers, columns, true);
  for (const row of rows) {
    if (ensureRoom(doc, rowHeight(doc, row, columns))) drawRow(doc, headers, columns, true);
    drawRow(doc, row, columns, false);
  }
  doc.moveDown(0.6);
}

function heading(doc: Document, text: string, size: number): void {
  ensureRoom(doc, size * 4);
  doc.x = MARGIN;
  doc.fontSize(size).fillColor('#000000').text(text, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.4);
}

/** 第 n 页 共 m 页 under each page, written once every page exists. */
function numberPages(doc: Document): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc
      .fontSize(8)
      .fillColor('#666666')
      .text(`第 ${index + 1} 页 共 ${count} 页`, MARGIN, doc.page.height - MARGIN / 2 - 4, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * RPT-1: the report as an A4 PDF in Chinese: title, who reports for which period, then the five sections, each
 * with its figures and tables. The text is set in Noto Sans Hans and the PDF embeds only the glyphs used
 * (pdfkit subsets the font through fontkit), so a report weighs tens of kilobytes, not the font's 8 MB, and
 * its text can be searched and copied (each glyph maps back to its character).
 *
 * The document's dates are the report's `generatedAt` and nothing else varies, so the same figures give the
 * same bytes. pdfkit is loaded when the first PDF is written: only the report files need it.
 */
export async function reportPdf(figures: ReportFigures, evaluation?: SelfEvaluation): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const generatedAt = new Date(figures.generatedAt);
  const title = reportTitle(figures, evaluation);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    // The CJK font is the document's only font: pdfkit's default Helvetica would be loaded from its package
    // files, which a Lambda bundle does not carry.
    font: reportFontPath(),
    info: {
      Title: title,
      Author: figures.insurerName,
      Subject: evaluation ? 'RPT-2' : 'RPT-1',
      Creator: 'anze',
      Producer: 'anze',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.fontSize(15).text(title, { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(BODY_SIZE).fillColor('#333333');
  for (const line of reportHeaderLines(figures)) doc.text(line);
  doc.fillColor('#000000').moveDown(0.8);

  for (const section of sectionsOf(figures, evaluation)) {
    heading(doc, section.heading, 12.5);
    if (section.note !== undefined) {
      doc.fontSize(BODY_SIZE).text(section.note);
      doc.moveDown(0.6);
    }
    if (section.facts.length > 0) {
      const columns = columnsOf(doc, [{ header: '项目', weight: 3 }, { header: '数值', weight: 2 }], [false, true]);
      drawTable(
        doc,
        columns,
        section.facts.map(([label, value]) => [label, valueText(value)]),
      );
    }
    for (const table of section.tables) {
      heading(doc, table.title, 10.5);
      if (table.rows.length === 0) {
        doc.fontSize(BODY_SIZE).text(table.whenEmpty);
        doc.moveDown(0.6);
        continue;
      }
      const columns = columnsOf(doc, table.columns, table.rows[0]!.map(isNumber));
      drawTable(
        doc,
        columns,
        table.rows.map((row) => row.map(valueText)),
      );
    }
    for (const paragraph of section.paragraphs ?? []) {
      heading(doc, paragraph.title, 10.5);
      doc.x = MARGIN;
      doc.fontSize(BODY_SIZE).fillColor('#000000').text(paragraph.text, { width: doc.page.width - 2 * MARGIN });
      doc.moveDown(0.6);
    }
  }

  numberPages(doc);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
