import { attachmentDisposition, CSV_CONTENT_TYPE } from '@app/common';
import { renderReportPdf, ReportSpec } from '@app/report-pdf';
import { StreamableFile } from '@nestjs/common';

/** The formats and languages every report is served in. */
export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * A report as its caller asked for it: the JSON body as is, or a download named `name.csv` /
 * `name.pdf` (CSV through the shared Excel-safe writer, PDF drawn by libs/report-pdf).
 */
export async function reportResponse<T>(
  report: T,
  format: ReportFormat,
  name: string,
  exports: { csv: (report: T) => Buffer; pdf: (report: T) => ReportSpec },
): Promise<T | StreamableFile> {
  if (format === 'csv') {
    return new StreamableFile(exports.csv(report), {
      type: CSV_CONTENT_TYPE,
      disposition: attachmentDisposition(`${name}.csv`),
    });
  }
  if (format === 'pdf') {
    const pdf = await renderReportPdf(exports.pdf(report));
    return new StreamableFile(Buffer.from(pdf), {
      type: 'application/pdf',
      disposition: attachmentDisposition(`${name}.pdf`),
    });
  }
  return report;
}
