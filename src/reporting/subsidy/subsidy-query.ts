import { FieldError, isUuid, ValidationError } from '@app/common';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report-file';
import { SUBSIDY_EMPLOYER_TYPES, SubsidyReportQueryDto } from './subsidy-report.dto';
import { subsidyRulesFor, SubsidyYearRules } from './subsidy-rules.config';

export interface SubsidyQuery {
  employer: { type: (typeof SUBSIDY_EMPLOYER_TYPES)[number]; id: string };
  rules: SubsidyYearRules;
  format: ReportFormat;
  lang: ReportLanguage;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  values.includes(value as T);

/**
 * The report's parameters, or a 400 problem naming each bad one: an employer type and UUID, an
 * academic year written as a year that the subsidy configuration knows, a format and language
 * served.
 */
export function parseSubsidyQuery(query: SubsidyReportQueryDto): SubsidyQuery {
  const errors: FieldError[] = [];
  if (!oneOf(SUBSIDY_EMPLOYER_TYPES, query.employerType))
    errors.push({
      field: 'employerType',
      message: `must be one of ${SUBSIDY_EMPLOYER_TYPES.join(', ')}`,
    });
  if (!isUuid(query.employerId)) errors.push({ field: 'employerId', message: 'must be a UUID' });
  const year = /^\d{4}$/.test(query.academicYear ?? '') ? Number(query.academicYear) : null;
  const rules = year === null ? null : subsidyRulesFor(year);
  if (year === null)
    errors.push({
      field: 'academicYear',
      message: 'must be a year such as 2025 (2025-09-01 .. 2026-08-31)',
    });
  else if (!rules)
    errors.push({
      field: 'academicYear',
      message: `no subsidy rules are configured for ${year}/${year + 1} (RVO publishes them per year)`,
    });
  const format = query.format ?? 'json';
  if (!oneOf(REPORT_FORMATS, format))
    errors.push({ field: 'format', message: `must be one of ${REPORT_FORMATS.join(', ')}` });
  const lang = query.lang ?? 'nl';
  if (!oneOf(REPORT_LANGUAGES, lang))
    errors.push({ field: 'lang', message: `must be one of ${REPORT_LANGUAGES.join(', ')}` });
  if (errors.length || !rules || !oneOf(SUBSIDY_EMPLOYER_TYPES, query.employerType))
    throw new ValidationError(errors, 400);
  return {
    employer: { type: query.employerType, id: query.employerId as string },
    rules,
    format: format as SubsidyQuery['format'],
    lang: lang as ReportLanguage,
  };
}
