import { ApiProblems, CurrentPrincipal, Principal, Roles } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportQueryPipe, reportResponse } from '../report-file';
import { subsidyCsv, subsidyPdfSpec } from './subsidy-export';
import { parseSubsidyQuery } from './subsidy-query';
import {
  SUBSIDY_EMPLOYER_TYPES,
  SubsidyReportDto,
  SubsidyReportQueryDto,
} from './subsidy-report.dto';
import { SubsidyReportService } from './subsidy-report.service';

@ApiTags('reports')
@ApiExtraModels(SubsidyReportDto)
@Controller('reports')
export class SubsidyController {
  constructor(private readonly reports: SubsidyReportService) {}

  @Get('subsidy')
  @Roles('admin', 'company_rep', 'foundation_staff')
  @ApiOperation({
    summary:
      'Subsidy evidence (Subsidieregeling praktijkleren) for one employer and academic year: per placement the covered and guided weeks and the maximum amount',
  })
  // Applied bottom-up: listed last first, so the document lists employerType first.
  @ApiQuery({
    name: 'lang',
    required: false,
    description: 'Language of the PDF and of the file name',
    schema: { type: 'string', enum: [...REPORT_LANGUAGES], default: 'nl' },
  })
  @ApiQuery({
    name: 'format',
    required: false,
    description:
      '`csv`: one line per placement, no totals line; `pdf`: the document for the application',
    schema: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' },
  })
  @ApiQuery({
    name: 'academicYear',
    required: true,
    description: 'The academic year by its first calendar year: 2025 is 2025-09-01 .. 2026-08-31',
    schema: { type: 'integer', example: 2025 },
  })
  @ApiQuery({ name: 'employerId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({
    name: 'employerType',
    required: true,
    schema: { type: 'string', enum: [...SUBSIDY_EMPLOYER_TYPES] },
  })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({
    description:
      'JSON by default; `format=csv` gives one line per placement with the JSON field names ' +
      '(weeksAbsent as weeksAbsentIllness, weeksAbsentHoliday and weeksAbsentOther; reasons ' +
      'joined with `;`), UTF-8 with BOM and no totals line; `format=pdf` the document for the ' +
      'application: employer, KvK number, academic year, one line per student, totals, the ' +
      "generated date and the signed agreements' content hashes as references (nl, or `lang=en`)",
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SubsidyReportDto) } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems({
    400: 'A bad employer type or id, an academic year without subsidy rules, or an unknown format or language',
    403: "Only the employer's own staff and admins read it",
    404: 'No such employer among those the caller works for',
  })
  async subsidy(
    @CurrentPrincipal() p: Principal,
    // Typed as a plain object so the global pipe leaves it to ReportQueryPipe (all 400).
    @Query(new ReportQueryPipe(SubsidyReportQueryDto)) params: object,
  ) {
    const query = parseSubsidyQuery(params as SubsidyReportQueryDto);
    const report = await this.reports.report(p, query);
    const year = `${report.academicYear.start.slice(0, 4)}-${report.academicYear.end.slice(0, 4)}`;
    const name = `${query.lang === 'nl' ? 'subsidie' : 'subsidy'}-${report.employer.kvkNumber}-${year}`;
    return reportResponse(report, query.format, name, {
      csv: subsidyCsv,
      pdf: (r) => subsidyPdfSpec(r, query.lang),
    });
  }
}
