import { ApiProblems, CurrentPrincipal, Principal, Roles } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseSubsidyQuery } from './subsidy-query';
import { SubsidyReportDto, SubsidyReportQueryDto } from './subsidy-report.dto';
import { SubsidyReportService } from './subsidy-report.service';

@ApiTags('reports')
@Controller('reports')
export class SubsidyController {
  constructor(private readonly reports: SubsidyReportService) {}

  @Get('subsidy')
  @Roles('admin', 'company_rep', 'foundation_staff')
  @ApiOperation({
    summary:
      'Subsidy evidence (Subsidieregeling praktijkleren) for one employer and academic year: per placement the covered and guided weeks and the maximum amount',
  })
  @ApiOkResponse({ type: SubsidyReportDto })
  @ApiProblems({
    400: 'A bad employer type or id, an academic year without subsidy rules, or an unknown format',
    403: "Only the employer's own staff and admins read it",
    404: 'No such employer among those the caller works for',
  })
  subsidy(@CurrentPrincipal() p: Principal, @Query() query: SubsidyReportQueryDto) {
    return this.reports.report(p, parseSubsidyQuery(query));
  }
}
