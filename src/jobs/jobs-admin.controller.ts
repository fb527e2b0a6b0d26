import { ApiProblems, CurrentPrincipal, mapPage, Principal, Roles } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  JobDto,
  JobMetricsDto,
  JobPageDto,
  ListJobsQueryDto,
  RetryJobDto,
  toJobDto,
} from './dto/job.dto';
import { JobsAdminService } from './jobs-admin.service';
import { QueueMonitorService, QueueView } from './queue-monitor.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class JobsAdminController {
  constructor(
    private readonly monitor: QueueMonitorService,
    private readonly jobs: JobsAdminService,
  ) {}

  @Get('queues')
  @ApiOperation({
    summary:
      'Job counts per BullMQ queue and the last 20 failed hand-overs of each (admins only); 503 while Redis is away',
    description:
      "The carrier's view. The jobs themselves (state, attempts, errors) are in PostgreSQL: GET /admin/jobs.",
  })
  @ApiOkResponse({ schema: { type: 'object', required: ['queues'], properties: { queues: { type: 'array', items: { type: 'object', additionalProperties: true } } } } })
  async queues(): Promise<{ queues: QueueView[] }> {
    return { queues: await this.monitor.snapshot() };
  }

  @Get('jobs')
  @ApiOperation({
    summary:
      'Background jobs (document, import, matching run, ...) by state; `stuck=true` for work that does not move',
  })
  @ApiOkResponse({ type: JobPageDto })
  async list(@Query() query: ListJobsQueryDto): Promise<JobPageDto> {
    return mapPage(await this.jobs.list(query), toJobDto);
  }

  @Get('jobs/metrics')
  @ApiOperation({
    summary:
      "Per queue and kind: jobs by state, stuck, the oldest due job's wait, and the last hour's outcomes and run times",
  })
  @ApiOkResponse({ type: JobMetricsDto })
  async metrics(): Promise<JobMetricsDto> {
    return { kinds: await this.jobs.metrics() };
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'One job: state, attempts, next attempt, lease and last error' })
  @ApiOkResponse({ type: JobDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<JobDto> {
    return toJobDto(await this.jobs.get(id));
  }

  @Post('jobs/:id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a failed or stuck job again now, with a fresh budget of attempts (audited)',
    description:
      'Its subject (document, import, run) shows the new run as it starts. 409 when the job is not failed or stuck (queued and moving, running under a live lease, or succeeded).',
  })
  @ApiOkResponse({ type: JobDto })
  @ApiProblems({ 409: 'The job is not failed or stuck' })
  async retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RetryJobDto,
  ): Promise<JobDto> {
    return toJobDto(await this.jobs.retry(principal, id, body.reason));
  }
}
