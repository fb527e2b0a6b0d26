import { ApiPage, ApiProblems, CurrentPrincipal, ListQueryDto, Principal } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateProgressMeetingDto,
  DueItemDto,
  DueQueryDto,
  ProgressMeetingDto,
} from './dto/monitoring.dto';
import { MonitoringDueService } from './monitoring-due.service';
import { ProgressMeetingsService } from './progress-meetings.service';

@ApiTags('monitoring')
@Controller()
export class MonitoringController {
  constructor(
    private readonly meetings: ProgressMeetingsService,
    private readonly dueList: MonitoringDueService,
  ) {}

  @Post('agreements/:id/progress-meetings')
  @ApiOperation({
    summary:
      'Record a progress meeting, workplace visit or assessment; `complete` says whether every required party attended',
  })
  @ApiCreatedResponse({ type: ProgressMeetingDto })
  @ApiProblems({
    403: "Only the student's university, the employer and the host record meetings",
    409: 'The agreement is not active (the problem names its state)',
  })
  record(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateProgressMeetingDto,
  ) {
    return this.meetings.record(p, id, dto);
  }

  @Get('agreements/:id/progress-meetings')
  @ApiOperation({ summary: "The agreement's progress meetings, visits and assessments" })
  @ApiPage(ProgressMeetingDto)
  list(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListQueryDto,
  ) {
    return this.meetings.list(p, id, query);
  }

  @Get('monitoring/due')
  @ApiOperation({
    summary:
      "Progress meetings and workplace visits due (or overdue) under the caller's active agreements",
  })
  @ApiPage(DueItemDto)
  due(@CurrentPrincipal() p: Principal, @Query() query: DueQueryDto) {
    return this.dueList.due(p, query);
  }
}
