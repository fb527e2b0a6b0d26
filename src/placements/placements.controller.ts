import { CurrentPrincipal, Principal } from '@app/common';
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
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  BenchDaysQueryDto,
  CreateEmploymentDto,
  CreateSecondmentDto,
  EndSecondmentDto,
  ListEmploymentsQueryDto,
  RotationPlanDto,
} from './dto/placement.dto';
import { EmploymentsService } from './employments.service';
import { FoundationViewsService } from './foundation-views.service';
import { RotationPlansService } from './rotation-plans.service';
import { SecondmentsService } from './secondments.service';

@ApiTags('placements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class PlacementsController {
  constructor(
    private readonly employments: EmploymentsService,
    private readonly secondments: SecondmentsService,
    private readonly rotationPlans: RotationPlansService,
    private readonly foundationViews: FoundationViewsService,
  ) {}

  @Post('employments')
  @ApiOperation({
    summary:
      'Record an employment (employer: a company or a foundation); periods of a student never overlap',
  })
  createEmployment(@CurrentPrincipal() p: Principal, @Body() dto: CreateEmploymentDto) {
    return this.employments.create(p, dto);
  }

  @Get('employments')
  listEmployments(@CurrentPrincipal() p: Principal, @Query() query: ListEmploymentsQueryDto) {
    return this.employments.list(p, query);
  }

  @Get('employments/:id')
  getEmployment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.employments.get(p, id);
  }

  @Get('employments/:id/secondments')
  listSecondments(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.secondments.list(p, id);
  }

  @Post('employments/:id/secondments')
  @ApiOperation({
    summary:
      'Second a foundation employee to a member host company for a period inside the employment',
  })
  createSecondment(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSecondmentDto,
  ) {
    return this.secondments.create(p, id, dto);
  }

  @Get('secondments/:id')
  getSecondment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.secondments.get(p, id);
  }

  @Post('secondments/:id/end')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End a secondment; with `next`, re-second (drafts the agreement amendment for the new host)',
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
  rotationPlan(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.rotationPlans.rotationPlan(p, id);
  }

  @Put('employments/:id/rotation-plan')
  replaceRotationPlan(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotationPlanDto,
  ) {
    return this.rotationPlans.replaceRotationPlan(p, id, dto);
  }

  @Get('foundations/:id/overview')
  @ApiOperation({
    summary:
      "The foundation's employees across universities: employment, current host, agreement state",
  })
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
  benchDays(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: BenchDaysQueryDto,
  ) {
    return this.foundationViews.benchDays(p, id, query);
  }
}
