/**
 * A small flowing-text layout on top of pdf-lib: wraps text to the column, starts a new A4 page
 * when the column is full, and at the end stamps every page with the footer (and the preview
 * watermark). Widths come from the parsed font's advance widths (see fonts.ts), not from
 * pdf-lib's per-call fontkit layout, which is the slow part of drawing text.
 */
import { PDFDocument, PDFFont, PDFPage, RGB, degrees, rgb } from 'pdf-lib';
import { LoadedFont, textWidth } from './fonts';

export const PAGE_WIDTH = 595.28; // A4 in points
export const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 78; // leaves room for the three-line footer
const LINE_FACTOR = 1.38;

export interface LayoutFont {
  pdf: PDFFont;
  metrics: LoadedFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  gapAfter?: number;
  color?: RGB;
}

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: LayoutFont,
    private readonly bold: LayoutFont,
  ) {
    this.newPage();
  }

  get columnWidth(): number {
    return PAGE_WIDTH - 2 * MARGIN_X;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  /** Starts a new page unless `height` points still fit in the column. */
  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A wrapped paragraph. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * LINE_FACTOR;
    for (const line of wrap(text, font.metrics, size, this.columnWidth - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (line) this.draw(line, MARGIN_X + indent, this.y, font, size, style.color ?? BLACK);
    }
    this.y -= style.gapAfter ?? 3;
  }

  heading(text: string, size = 11.5): void {
    this.ensure(size * LINE_FACTOR * 3); // keep a heading with the first lines below it
    this.space(size * 0.6);
    this.text(text, { size, bold: true, gapAfter: 4 });
  }

  /** "Label    value" with the value wrapped in the right-hand column. */
  field(label: string, value: string, labelWidth = 165, size = 9.5): void {
    const lineHeight = size * LINE_FACTOR;
    const labelLines = wrap(label, this.bold.metrics, size, labelWidth - 8);
    const valueLines = wrap(value, this.regular.metrics, size, this.columnWidth - labelWidth);
    const rows = Math.max(labelLines.length, valueLines.length);
    this.ensure(Math.min(rows, 4) * lineHeight);
    for (let i = 0; i < rows; i++) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (labelLines[i]) this.draw(labelLines[i], MARGIN_X, this.y, this.bold, size, GREY);
      if (valueLines[i])
        this.draw(valueLines[i], MARGIN_X + labelWidth, this.y, this.regular, size, BLACK);
    }
    this.y -= 2;
  }

  bullet(text: string, size = 9.5): void {
    const lineHeight = size * LINE_FACTOR;
    const lines = wrap(text, this.regular.metrics, size, this.columnWidth - 14);
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (i === 0) this.draw('•', MARGIN_X + 2, this.y, this.regular, size, BLACK);
      this.draw(line, MARGIN_X + 14, this.y, this.regular, size, BLACK);
    });
    this.y -= 2;
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: PAGE_WIDTH - MARGIN_X, y: this.y },
      thickness: 0.5,
      color: rgb(0.7, 0.7, 0.7),
    });
    this.y -= 4;
  }

  /** Stamps the footer lines (per page) and the optional diagonal watermark on every page. */
  finish(footer: (pageNumber: number, pageCount: number) => string[], watermark?: string): void {
    const count = this.pages.length;
    this.pages.forEach((page, index) => {
      const lines = footer(index + 1, count);
      const size = 7;
      lines.forEach((line, i) => {
        const fitted = fit(line, this.regular.metrics, size, this.columnWidth);
        page.drawText(fitted, {
          x: MARGIN_X,
          y: 48 - i * size * 1.45,
          size,
          font: this.regular.pdf,
          color: GREY,
        });
      });
      page.drawLine({
        start: { x: MARGIN_X, y: 58 },
        end: { x: PAGE_WIDTH - MARGIN_X, y: 58 },
        thickness: 0.5,
        color: GREY,
      });
      if (watermark) this.watermark(page, watermark);
    });
  }

  private watermark(page: PDFPage, text: string): void {
    const size = 54;
    const width = textWidth(this.bold.metrics, text, size);
    const angle = Math.atan2(PAGE_HEIGHT, PAGE_WIDTH);
    const cx = PAGE_WIDTH / 2;
    const cy = PAGE_HEIGHT / 2;
    page.drawText(text, {
      x: cx - (width / 2) * Math.cos(angle) + (size / 3) * Math.sin(angle),
      y: cy - (width / 2) * Math.sin(angle) - (size / 3) * Math.cos(angle),
      size,
      font: this.bold.pdf,
      color: rgb(0.8, 0.1, 0.1),
      opacity: 0.16,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }

  private draw(
    text: string,
    x: number,
    y: number,
    font: LayoutFont,
    size: number,
    color: RGB,
  ): void {
    this.page.drawText(text, { x, y, size, font: font.pdf, color });
  }
}

/** Greedy word wrap; a word longer than the column (a hash, a URL) is broken by characters. */
export function wrap(text: string, font: LoadedFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const spaceWidth = textWidth(font, ' ', size);
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const wordWidth = textWidth(font, word, size);
    if (line && lineWidth + spaceWidth + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += spaceWidth + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    line = '';
    lineWidth = 0;
    for (const char of word) {
      const w = textWidth(font, char, size);
      if (line && lineWidth + w > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += char;
      lineWidth += w;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Shortens a single line with an ellipsis so it fits (footer lines must stay on one line). */
function fit(text: string, font: LoadedFont, size: number, width: number): string {
  if (textWidth(font, text, size) <= width) return text;
  let out = text;
  while (out.length > 1 && textWidth(font, `${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}
