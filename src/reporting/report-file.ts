import {
  attachmentDisposition,
  CSV_CONTENT_TYPE,
  flattenValidationErrors,
  ValidationError,
} from '@app/common';
import { renderReportPdf, ReportSpec } from '@app/report-pdf';
import { PipeTransform, StreamableFile } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

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

/**
 * A report's query parameters, validated by their DTO: a malformed one is a 400 problem naming
 * each bad parameter (API.md: a bad format or academic year is 400), not the global pipe's 422
 * for broken rules, and an unknown parameter is refused rather than ignored. Controllers type
 * the parameter as a plain object so the global pipe leaves it to this one.
 */
export class ReportQueryPipe<T extends object> implements PipeTransform<unknown, T> {
  constructor(private readonly dto: ClassConstructor<T>) {}

  transform(value: unknown): T {
    const query = plainToInstance(this.dto, value ?? {});
    const errors = validateSync(query, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new ValidationError(flattenValidationErrors(errors), 400);
    return query;
  }
}
