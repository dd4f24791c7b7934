import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { reportFontPath } from '../report-file/report-font.js';
import { ITEM_HEADERS, evaluationTitle, headerLines, itemRow, resultLine } from './evaluation-lines.js';

const MARGIN = 50;
const PAD = 4;
const SIZE = 9.5;
const WEIGHTS = [3, 1, 2, 1, 7];

/**
 * RPT-3: the published evaluation as an A4 PDF in Chinese — title, header, the score sheet (item, weight, how
 * scored, points, basis) and the result — in the reports' CJK font (Noto Sans Hans, embedded as a subset), so
 * its text can be searched and extracted. Its only date is the publication's, so the same evaluation gives the
 * same bytes.
 */
export async function evaluationPdf(evaluation: Evaluation): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const at = new Date(evaluation.published?.at ?? evaluation.updatedAt);
  const title = evaluationTitle(evaluation);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    font: reportFontPath(),
    info: { Title: title, Author: '忻州市应急管理局', Subject: 'RPT-3', Creator: 'anze', Producer: 'anze', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const total = WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  const widths = WEIGHTS.map((weight) => (width * weight) / total);

  const row = (cells: readonly string[], header: boolean) => {
    doc.fontSize(SIZE);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (header) doc.rect(x, top, widths[i]!, height).fillAndStroke('#eeeeee', '#999999');
      else doc.rect(x, top, widths[i]!, height).stroke('#999999');
      doc.fillColor('#000000').text(cell, x + PAD, top + PAD, { width: widths[i]! - 2 * PAD });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };

  doc.fontSize(15).text(title, { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(SIZE).fillColor('#333333');
  for (const line of headerLines(evaluation)) doc.text(line);
  doc.fillColor('#000000').moveDown(0.8);
  doc.fontSize(12.5).text('评分明细');
  doc.moveDown(0.4);
  row(ITEM_HEADERS, true);
  for (const item of evaluation.items) row(itemRow(item), false);
  doc.moveDown(0.8);
  doc.fontSize(12).text(resultLine(evaluation), MARGIN);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
