import { ApiPage, ApiProblems, CurrentPrincipal, Principal } from '@app/common';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BenchDaysQueryDto,
  CreateEmploymentDto,
  CreateSecondmentDto,
  EndSecondmentDto,
  ListEmploymentsQueryDto,
  RotationPlanDto,
} from './dto/placement.dto';
import {
  BenchDaysDto,
  EmploymentDto,
  EndedSecondmentDto,
  FoundationOverviewDto,
  RotationPlanViewDto,
  SecondmentDto,
  SecondmentListDto,
} from './dto/placement-responses.dto';
import {
  GuidanceWeekListDto,
  GuidanceWeeksQueryDto,
  PutGuidanceWeeksDto,
} from './dto/guidance.dto';
import { EmploymentsService } from './employments.service';
import { GuidanceWeeksService } from './guidance-weeks.service';
import { FoundationViewsService } from './foundation-views.service';
import { RotationPlansService } from './rotation-plans.service';
import { SecondmentsService } from './secondments.service';

@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(
    private readonly employments: EmploymentsService,
    private readonly secondments: SecondmentsService,
    private readonly rotationPlans: RotationPlansService,
    private readonly foundationViews: FoundationViewsService,
    private readonly guidanceWeeks: GuidanceWeeksService,
  ) {}

  @Post('employments')
  @ApiOperation({
    summary:
      'Record an employment (employer: a company or a foundation); periods of a student never overlap',
  })
  @ApiCreatedResponse({ type: EmploymentDto })
  @ApiProblems({
    403: 'Foundation staff record employments by their own foundation only',
    409: 'Overlaps another employment of the student',
  })
  createEmployment(@CurrentPrincipal() p: Principal, @Body() dto: CreateEmploymentDto) {
    return this.employments.create(p, dto);
  }

  @Get('employments')
  @ApiOperation({ summary: 'Employments the caller may see; filter by student or employer' })
  @ApiPage(EmploymentDto)
  listEmployments(@CurrentPrincipal() p: Principal, @Query() query: ListEmploymentsQueryDto) {
    return this.employments.list(p, query);
  }

  @Get('employments/:id')
  @ApiOperation({ summary: 'An employment' })
  @ApiOkResponse({ type: EmploymentDto })
  getEmployment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.employments.get(p, id);
  }

  @Get('employments/:id/secondments')
  @ApiOperation({ summary: 'Secondments of an employment, in order' })
  @ApiOkResponse({ type: SecondmentListDto })
  listSecondments(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.secondments.list(p, id);
  }

  @Post('employments/:id/secondments')
  @ApiOperation({
    summary:
      'Second a foundation employee to a member host company for a period inside the employment',
  })
  @ApiCreatedResponse({ type: SecondmentDto })
  @ApiProblems({
    403: 'Only the employing foundation (or an admin or coordinator) seconds',
    409: 'Overlaps another secondment of the employment',
  })
  createSecondment(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSecondmentDto,
  ) {
    return this.secondments.create(p, id, dto);
  }

  @Get('secondments/:id')
  @ApiOperation({ summary: 'A secondment' })
  @ApiOkResponse({ type: SecondmentDto })
  getSecondment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.secondments.get(p, id);
  }

  @Post('secondments/:id/end')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End a secondment; with `next`, re-second (drafts the agreement amendment for the new host)',
  })
  @ApiOkResponse({ type: EndedSecondmentDto })
  @ApiProblems({
    403: 'Only the employing foundation (or an admin or coordinator) ends secondments',
    409: 'Already ended, or the next period overlaps another',
  })
  endSecondment(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndSecondmentDto,
  ) {
    return this.secondments.end(p, id, dto);
  }

  @Get('employments/:id/rotation-plan')
  @ApiOperation({ summary: 'Planned hosts and periods, with progress against the plan' })
  @ApiOkResponse({ type: RotationPlanViewDto })
  rotationPlan(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.rotationPlans.rotationPlan(p, id);
  }

  @Put('employments/:id/rotation-plan')
  @ApiOperation({
    summary: 'Replace the rotation plan: planned member hosts and periods inside the employment',
  })
  @ApiOkResponse({ type: RotationPlanViewDto })
  @ApiProblems({
    403: 'Only the employing foundation (or an admin or coordinator) plans rotations',
  })
  replaceRotationPlan(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotationPlanDto,
  ) {
    return this.rotationPlans.replaceRotationPlan(p, id, dto);
  }

  @Get('employments/:id/guidance-weeks')
  @ApiOperation({ summary: "The employment's guidance log between from and to (at most 3 years)" })
  @ApiOkResponse({ type: GuidanceWeekListDto })
  @ApiProblems({ 400: 'to before from, or a span over 3 years' })
  listGuidanceWeeks(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GuidanceWeeksQueryDto,
  ) {
    return this.guidanceWeeks.list(p, id, query);
  }

  @Put('employments/:id/guidance-weeks')
  @ApiOperation({
    summary:
      'Record guidance weeks (Mondays inside the employment; guided, or absent with a reason): upserts each week',
  })
  @ApiOkResponse({ type: GuidanceWeekListDto })
  @ApiProblems({
    403: "Only the employer, a host for its secondment's weeks, or the student's university records them",
  })
  putGuidanceWeeks(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PutGuidanceWeeksDto,
  ) {
    return this.guidanceWeeks.put(p, id, dto);
  }

  @Get('foundations/:id/overview')
  @ApiOperation({
    summary:
      "The foundation's employees across universities: employment, current host, agreement state",
  })
  @ApiOkResponse({ type: FoundationOverviewDto })
  @ApiProblems({ 403: "Only the foundation's staff, admins and coordinators see it" })
  foundationOverview(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: BenchDaysQueryDto,
  ) {
    return this.foundationViews.foundationOverview(p, id, query);
  }

  @Get('foundations/:id/bench-days')
  @ApiOperation({
    summary: "Gaps without a host in the foundation's employments, with alerts over the limit",
  })
  @ApiOkResponse({ type: BenchDaysDto })
  @ApiProblems({ 403: "Only the foundation's staff, admins and coordinators see it" })
  benchDays(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: BenchDaysQueryDto,
  ) {
    return this.foundationViews.benchDays(p, id, query);
  }
}
