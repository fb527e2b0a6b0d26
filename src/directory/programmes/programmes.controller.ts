import {
  ApiPage,
  ApiProblems,
  CurrentPrincipal,
  IfMatch,
  mapPage,
  Page,
  Principal,
  Roles,
} from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateProgrammeDto,
  ListProgrammesQueryDto,
  ProgrammeDto,
  UpdateProgrammeDto,
} from './programme.dto';
import { Programme } from './programme.entity';
import { ProgrammesService } from './programmes.service';

export function toProgrammeDto(p: Programme): ProgrammeDto {
  return {
    id: p.id,
    version: p.version,
    universityId: p.universityId,
    name: p.name,
    crohoCode: p.crohoCode,
    degree: p.degree,
    level: p.level,
    nominalYears: p.nominalYears,
    crohoSector: p.crohoSector,
    studyMode: p.studyMode,
    academicCalendar: p.academicCalendar,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Register a programme (opleiding) of a university' })
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiProblems({ 409: 'The CROHO code is already registered for this university' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateProgrammeDto,
  ): Promise<ProgrammeDto> {
    return toProgrammeDto(await this.programmes.create(p, dto));
  }

  @Get()
  @ApiOperation({
    summary: 'Programmes the caller may see; filter by university, CROHO code or degree',
  })
  @ApiPage(ProgrammeDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListProgrammesQueryDto,
  ): Promise<Page<ProgrammeDto>> {
    return mapPage(await this.programmes.list(p, query), toProgrammeDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A programme with its academic calendar' })
  @ApiOkResponse({ type: ProgrammeDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProgrammeDto> {
    return toProgrammeDto(await this.programmes.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Edit a programme of your university' })
  @ApiOkResponse({ type: ProgrammeDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
    @IfMatch() ifMatch?: number,
  ): Promise<ProgrammeDto> {
    return toProgrammeDto(await this.programmes.update(p, id, dto, ifMatch));
  }
}
