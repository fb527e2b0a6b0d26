/**
 * A small report renderer: a title block, a table (paged, header repeated) and stacked bar
 * charts, on landscape A4, in the DejaVu fonts the agreement PDFs use (every Latin-script name
 * renders). Pure: data in, PDF bytes out; no Nest, nothing from src/.
 */
import { agreementFonts, memoizedFontkit, textWidth } from '@app/agreement-pdf';
import type { LoadedFont } from '@app/agreement-pdf';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { drawSection } from './sections';
import { drawStackedBars, stackedChartHeight } from './stacked-bars';

export interface ReportColumn {
  header: string;
  align?: 'left' | 'right';
}

export interface StackedBarChart {
  title: string;
  /** One bar per category (e.g. a cohort). */
  categories: string[];
  /** The stacked parts, in drawing order. */
  series: { name: string; color: [number, number, number] }[];
  /** values[category][series]. */
  values: number[][];
}

/** A titled block of text lines under the table (references, notes); long lines wrap. */
export interface ReportSection {
  title: string;
  lines: string[];
}

export interface ReportSpec {
  title: string;
  /** Lines under the title (scope, generated date). */
  subtitle: string[];
  columns: ReportColumn[];
  rows: string[][];
  /** A last row set in bold (totals). */
  footerRow?: string[];
  charts: StackedBarChart[];
  /** Drawn after the charts, in order. */
  sections?: ReportSection[];
  /** Document metadata. */
  author?: string;
  language?: string;
}

export const PAGE = { width: 842, height: 595, margin: 36 } as const;
const TABLE_SIZE = 7;
const ROW_HEIGHT = 11;
const CELL_PADDING = 4;

export interface Canvas {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
  fonts: { regular: LoadedFont; bold: LoadedFont };
}

export async function renderReportPdf(spec: ReportSpec): Promise<Uint8Array> {
  const fonts = agreementFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(memoizedFontkit);
  const regular = await doc.embedFont(fonts.regular.bytes, { subset: true });
  const bold = await doc.embedFont(fonts.bold.bytes, { subset: true });
  doc.setTitle(spec.title);
  doc.setProducer('dualroute report-pdf');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  if (spec.author) doc.setAuthor(spec.author);
  if (spec.language) doc.setLanguage(spec.language);
  const canvas: Canvas = {
    doc,
    page: doc.addPage([PAGE.width, PAGE.height]),
    y: 0,
    regular,
    bold,
    fonts,
  };
  canvas.y = PAGE.height - PAGE.margin;
  drawTitle(canvas, spec);
  drawTable(canvas, spec);
  for (const chart of spec.charts) {
    ensureRoom(canvas, stackedChartHeight(chart.categories.length) + 16);
    canvas.y -= 16;
    canvas.y = drawStackedBars(canvas, chart, canvas.y);
  }
  for (const section of spec.sections ?? []) drawSection(canvas, section);
  return doc.save({ useObjectStreams: false });
}

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureRoom(canvas: Canvas, height: number): boolean {
  if (canvas.y - height >= PAGE.margin) return false;
  canvas.page = canvas.doc.addPage([PAGE.width, PAGE.height]);
  canvas.y = PAGE.height - PAGE.margin;
  return true;
}

function drawTitle(canvas: Canvas, spec: ReportSpec): void {
  canvas.page.drawText(spec.title, {
    x: PAGE.margin,
    y: canvas.y - 16,
    size: 16,
    font: canvas.bold,
  });
  canvas.y -= 24;
  for (const line of spec.subtitle) {
    canvas.page.drawText(line, { x: PAGE.margin, y: canvas.y - 10, size: 9, font: canvas.regular });
    canvas.y -= 13;
  }
  canvas.y -= 8;
}

interface TableLayout {
  widths: number[];
  size: number;
}

/**
 * Column widths from the widest cell. A table wider than the page is set in a smaller size
 * (widths scale with it) rather than squeezed, so cells never overlap.
 */
function tableLayout(canvas: Canvas, spec: ReportSpec): TableLayout {
  const all = [
    spec.columns.map((c) => c.header),
    ...spec.rows,
    ...(spec.footerRow ? [spec.footerRow] : []),
  ];
  const widths = spec.columns.map(
    (_, i) =>
      Math.max(...all.map((r) => textWidth(canvas.fonts.bold, r[i] ?? '', TABLE_SIZE))) +
      2 * CELL_PADDING,
  );
  const total = widths.reduce((a, b) => a + b, 0);
  const available = PAGE.width - 2 * PAGE.margin;
  if (total <= available) return { widths, size: TABLE_SIZE };
  const scale = available / total;
  return { widths: widths.map((w) => w * scale), size: TABLE_SIZE * scale };
}

function drawTable(canvas: Canvas, spec: ReportSpec): void {
  const layout = tableLayout(canvas, spec);
  const header = spec.columns.map((c) => c.header);
  drawRow(canvas, spec, layout, header, canvas.bold, true);
  for (const row of spec.rows) {
    if (ensureRoom(canvas, ROW_HEIGHT)) drawRow(canvas, spec, layout, header, canvas.bold, true);
    drawRow(canvas, spec, layout, row, canvas.regular, false);
  }
  if (spec.footerRow) {
    ensureRoom(canvas, ROW_HEIGHT);
    drawRow(canvas, spec, layout, spec.footerRow, canvas.bold, true);
  }
}

function drawRow(
  canvas: Canvas,
  spec: ReportSpec,
  { widths, size }: TableLayout,
  cells: string[],
  font: PDFFont,
  shaded: boolean,
): void {
  const total = widths.reduce((a, b) => a + b, 0);
  if (shaded) {
    canvas.page.drawRectangle({
      x: PAGE.margin,
      y: canvas.y - ROW_HEIGHT,
      width: total,
      height: ROW_HEIGHT,
      color: rgb(0.92, 0.93, 0.95),
    });
  }
  let x = PAGE.margin;
  cells.forEach((cell, i) => {
    const width = font.widthOfTextAtSize(cell, size);
    const right = spec.columns[i]?.align === 'right';
    const cx = right ? x + widths[i] - CELL_PADDING - width : x + CELL_PADDING;
    canvas.page.drawText(cell, { x: cx, y: canvas.y - ROW_HEIGHT + 3, size, font });
    x += widths[i];
  });
  canvas.page.drawLine({
    start: { x: PAGE.margin, y: canvas.y - ROW_HEIGHT },
    end: { x: PAGE.margin + total, y: canvas.y - ROW_HEIGHT },
    thickness: 0.3,
    color: rgb(0.7, 0.7, 0.7),
  });
  canvas.y -= ROW_HEIGHT;
}
