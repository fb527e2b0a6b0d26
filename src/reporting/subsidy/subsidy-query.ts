import { ValidationError } from '@app/common';
import { ReportFormat, ReportLanguage } from '../report-file';
import { SubsidyEmployerType, SubsidyReportQueryDto } from './subsidy-report.dto';
import { subsidyRulesFor, SubsidyYearRules } from './subsidy-rules.config';

export interface SubsidyQuery {
  employer: { type: SubsidyEmployerType; id: string };
  rules: SubsidyYearRules;
  format: ReportFormat;
  lang: ReportLanguage;
}

/**
 * The report's parameters (well-formed: ReportQueryPipe) with the year's subsidy rules; a year
 * the subsidy configuration does not know is a 400 problem too, saying why.
 */
export function parseSubsidyQuery(query: SubsidyReportQueryDto): SubsidyQuery {
  const year = query.academicYear;
  const rules = subsidyRulesFor(year);
  if (!rules) {
    throw new ValidationError(
      [
        {
          field: 'academicYear',
          message: `no subsidy rules are configured for ${year}/${year + 1} (RVO publishes them per year)`,
        },
      ],
      400,
    );
  }
  return {
    employer: { type: query.employerType, id: query.employerId },
    rules,
    format: query.format ?? 'json',
    lang: query.lang ?? 'nl',
  };
}
