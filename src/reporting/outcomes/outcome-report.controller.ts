import { ApiProblems, CurrentPrincipal, Principal, Roles } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import { outcomeCsv, outcomePdfSpec } from './outcome-export';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportQueryPipe, reportResponse } from '../report-file';
import { OutcomeReportDto, OutcomeReportQueryDto } from './outcome-report.dto';
import { OutcomeReportService } from './outcome-report.service';

@ApiTags('reports')
@ApiExtraModels(OutcomeReportDto)
@Controller('reports')
export class OutcomeReportController {
  constructor(private readonly reports: OutcomeReportService) {}

  @Get('outcomes')
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({
    summary:
      'Route outcome report: figures per route and cohort, each student once by their latest agreement',
  })
  @ApiQuery({ name: 'universityId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'routeId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'cohort', required: false, schema: { type: 'integer', example: 2026 } })
  @ApiQuery({
    name: 'format',
    required: false,
    schema: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' },
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    schema: { type: 'string', enum: [...REPORT_LANGUAGES], default: 'nl' },
  })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({
    description:
      'JSON by default; `format=csv` gives one line per row (UTF-8 with BOM), `format=pdf` the table and a chart',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OutcomeReportDto) } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems({
    400: 'A malformed query parameter (e.g. an unknown format)',
    404: 'Another university than the caller’s',
  })
  async outcomes(
    @CurrentPrincipal() principal: Principal,
    // Typed as a plain object so the global pipe leaves it to ReportQueryPipe (all 400).
    @Query(new ReportQueryPipe(OutcomeReportQueryDto)) query: Record<string, unknown>,
  ) {
    const q = query as OutcomeReportQueryDto;
    const report = await this.reports.report(principal, {
      universityId: q.universityId ?? null,
      routeId: q.routeId ?? null,
      cohort: q.cohort ?? null,
    });
    const lang = q.lang ?? 'nl';
    const name = `${lang === 'nl' ? 'uitkomsten' : 'outcomes'}-${report.generatedAt.slice(0, 10)}`;
    return reportResponse(report, q.format ?? 'json', name, {
      csv: outcomeCsv,
      pdf: (r) => outcomePdfSpec(r, lang),
    });
  }
}
