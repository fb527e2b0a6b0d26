import { pdfPageCount, pdfText } from '@app/agreement-pdf/testing/poppler';
import { renderReportPdf, ReportSpec } from './index';

const spec = (rows: number): ReportSpec => ({
  title: 'Uitkomsten per route',
  subtitle: ['Universiteit: alle', 'Gemaakt op 2026-12-03'],
  columns: [{ header: 'Route' }, { header: 'Cohort' }, { header: 'Studenten', align: 'right' }],
  rows: Array.from({ length: rows }, (_, i) => [
    `Bouwkunde Zoë Çelik IJsbrand ${i}`,
    '2025',
    String(i),
  ]),
  footerRow: ['Totaal', '', String(rows)],
  charts: [
    {
      title: 'Statusverdeling per cohort',
      categories: ['2024', '2025'],
      series: [
        { name: 'Bezig', color: [0.2, 0.4, 0.8] },
        { name: 'Uitgevallen', color: [0.8, 0.2, 0.2] },
      ],
      values: [
        [3, 1],
        [5, 0],
      ],
    },
  ],
});

describe('renderReportPdf', () => {
  it('draws the title, the table with Dutch names, the totals and the chart', async () => {
    const text = pdfText(await renderReportPdf(spec(2)));
    expect(text).toContain('Uitkomsten per route');
    expect(text).toContain('Bouwkunde Zoë Çelik IJsbrand 1');
    expect(text).toContain('Totaal');
    expect(text).toContain('Statusverdeling per cohort');
    expect(text).toContain('Uitgevallen');
  });

  it('continues a long table on further pages', async () => {
    const pdf = await renderReportPdf(spec(120));
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    expect(pdfText(pdf)).toContain('Bouwkunde Zoë Çelik IJsbrand 119');
  });

  it('draws sections after the table, wrapping a line wider than the page', async () => {
    const hash = 'a'.repeat(64);
    const long = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');
    const text = pdfText(
      await renderReportPdf({
        ...spec(1),
        charts: [],
        sections: [{ title: 'Referenties', lines: [`Overeenkomst 1 · ${hash}`, long] }],
      }),
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Referenties');
    expect(text).toContain(`Overeenkomst 1 · ${hash}`);
    expect(text).toContain('woord0');
    expect(text).toContain('woord39');
  });
});
