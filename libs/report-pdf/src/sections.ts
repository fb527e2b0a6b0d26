import type { PDFFont } from 'pdf-lib';
import type { Canvas, ReportSection } from './report-pdf';
import { ensureRoom, PAGE } from './report-pdf';

const TITLE_SIZE = 11;
const TEXT_SIZE = 8;
const LINE_HEIGHT = 11;

/**
 * Splits a line into pieces no wider than `width`, at spaces where it can; a single word wider
 * than the page (a long hash or URL) is cut between characters rather than running off it.
 */
export function wrapLine(font: PDFFont, text: string, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = word;
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      out.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  out.push(current);
  return out;
}

/** A section title and its lines, continued on a new page when the page is full. */
export function drawSection(canvas: Canvas, section: ReportSection): void {
  ensureRoom(canvas, 16 + TITLE_SIZE + LINE_HEIGHT);
  canvas.y -= 16;
  canvas.page.drawText(section.title, {
    x: PAGE.margin,
    y: canvas.y - TITLE_SIZE,
    size: TITLE_SIZE,
    font: canvas.bold,
  });
  canvas.y -= TITLE_SIZE + 6;
  const width = PAGE.width - 2 * PAGE.margin;
  for (const line of section.lines) {
    for (const piece of wrapLine(canvas.regular, line, TEXT_SIZE, width)) {
      ensureRoom(canvas, LINE_HEIGHT);
      canvas.page.drawText(piece, {
        x: PAGE.margin,
        y: canvas.y - LINE_HEIGHT + 3,
        size: TEXT_SIZE,
        font: canvas.regular,
      });
      canvas.y -= LINE_HEIGHT;
    }
  }
}
