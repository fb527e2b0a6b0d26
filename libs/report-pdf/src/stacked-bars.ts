import { rgb } from 'pdf-lib';
import type { Canvas, StackedBarChart } from './report-pdf';
import { PAGE } from './report-pdf';

const BAR_HEIGHT = 14;
const BAR_GAP = 6;
const LABEL_WIDTH = 120;
const LEGEND_HEIGHT = 16;
/** Room a chart of `bars` bars needs; callers reserve it before drawing. */
export function stackedChartHeight(bars: number): number {
  return 18 + LEGEND_HEIGHT + bars * (BAR_HEIGHT + BAR_GAP);
}

/**
 * Horizontal stacked bars, one per category, each as long as the page allows for the largest
 * total (so bars compare in absolute numbers), segment counts printed inside segments wide
 * enough for them and each bar's total at its end. Returns the y below the chart.
 */
export function drawStackedBars(canvas: Canvas, chart: StackedBarChart, top: number): number {
  const { page, bold, regular } = canvas;
  page.drawText(chart.title, { x: PAGE.margin, y: top - 11, size: 11, font: bold });
  let y = top - 18;
  let lx = PAGE.margin;
  for (const s of chart.series) {
    page.drawRectangle({ x: lx, y: y - 9, width: 8, height: 8, color: rgb(...s.color) });
    page.drawText(s.name, { x: lx + 11, y: y - 8, size: 8, font: regular });
    lx += 11 + regular.widthOfTextAtSize(s.name, 8) + 14;
  }
  y -= LEGEND_HEIGHT;
  const totals = chart.values.map((v) => v.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const span = PAGE.width - 2 * PAGE.margin - LABEL_WIDTH - 40;
  chart.categories.forEach((category, i) => {
    if (y - BAR_HEIGHT < PAGE.margin) return;
    page.drawText(category, { x: PAGE.margin, y: y - BAR_HEIGHT + 4, size: 8, font: regular });
    let x = PAGE.margin + LABEL_WIDTH;
    chart.values[i].forEach((value, s) => {
      if (value <= 0) return;
      const width = (value / max) * span;
      page.drawRectangle({
        x,
        y: y - BAR_HEIGHT,
        width,
        height: BAR_HEIGHT,
        color: rgb(...chart.series[s].color),
      });
      const label = String(value);
      if (regular.widthOfTextAtSize(label, 7) + 4 <= width) {
        page.drawText(label, {
          x: x + 2,
          y: y - BAR_HEIGHT + 4,
          size: 7,
          font: regular,
          color: rgb(1, 1, 1),
        });
      }
      x += width;
    });
    page.drawText(String(totals[i]), { x: x + 4, y: y - BAR_HEIGHT + 4, size: 8, font: bold });
    y -= BAR_HEIGHT + BAR_GAP;
  });
  return y;
}
