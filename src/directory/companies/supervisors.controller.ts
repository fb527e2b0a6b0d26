import {
  ApiPage,
  ApiProblems,
  CurrentPrincipal,
  IfMatch,
  mapPage,
  Page,
  Principal,
} from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SHARED_RECORD_EDITORS } from '../shared-records';
import {
  CreateSupervisorDto,
  ListSupervisorsQueryDto,
  SupervisorDto,
  SupervisorLoadQueryDto,
  toSupervisorDto,
  UpdateSupervisorDto,
} from './supervisor.dto';
import { SUPERVISOR_LOAD_DESCRIPTION } from './supervisor-load';
import { SupervisorsService } from './supervisors.service';

@ApiTags('companies')
@Controller('companies/:companyId/supervisors')
export class SupervisorsController {
  constructor(private readonly supervisors: SupervisorsService) {}

  @Post()
  @ApiOperation({
    summary:
      "Add a workplace supervisor (admins, the company's own reps, coordinators of universities that work with it)",
    description: SHARED_RECORD_EDITORS,
  })
  @ApiCreatedResponse({ type: SupervisorDto })
  @ApiProblems({ 403: 'You may read but not edit this shared record' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Body() dto: CreateSupervisorDto,
  ): Promise<SupervisorDto> {
    const created = await this.supervisors.create(p, companyId, dto);
    return toSupervisorDto(await this.supervisors.withLoadOne(created));
  }

  @Get()
  @ApiOperation({
    summary: "The company's workplace supervisors, each with `trained`, `hoursPerWeek` and `load`",
    description: `Where a coordinator picks a supervisor: the companies' guide asks for trained or experienced coaches with time for it. ${SUPERVISOR_LOAD_DESCRIPTION}`,
  })
  @ApiPage(SupervisorDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Query() query: ListSupervisorsQueryDto,
  ): Promise<Page<SupervisorDto>> {
    return mapPage(await this.supervisors.list(p, companyId, query), toSupervisorDto);
  }

  @Get(':supervisorId')
  @ApiOperation({
    summary: 'A workplace supervisor of the company',
    description: SUPERVISOR_LOAD_DESCRIPTION,
  })
  @ApiOkResponse({ type: SupervisorDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('supervisorId', ParseUUIDPipe) supervisorId: string,
    @Query() query: SupervisorLoadQueryDto,
  ): Promise<SupervisorDto> {
    const supervisor = await this.supervisors.get(p, companyId, supervisorId);
    return toSupervisorDto(await this.supervisors.withLoadOne(supervisor, query.loadOn));
  }

  @Patch(':supervisorId')
  @ApiOperation({ summary: "Edit a workplace supervisor (the company's editors)" })
  @ApiOkResponse({ type: SupervisorDto })
  @ApiProblems({ 403: 'You may read but not edit this shared record' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('supervisorId', ParseUUIDPipe) supervisorId: string,
    @Body() dto: UpdateSupervisorDto,
    @IfMatch() ifMatch?: number,
  ): Promise<SupervisorDto> {
    const updated = await this.supervisors.update(p, companyId, supervisorId, dto, ifMatch);
    return toSupervisorDto(await this.supervisors.withLoadOne(updated));
  }
}
