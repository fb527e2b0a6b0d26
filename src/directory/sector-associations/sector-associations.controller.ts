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
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SHARED_RECORD_EDITORS } from '../shared-records';
import {
  CreateSectorAssociationDto,
  ListSectorAssociationsQueryDto,
  SectorAssociationDto,
  UpdateSectorAssociationDto,
} from './sector-association.dto';
import { SectorAssociation } from './sector-association.entity';
import { SectorAssociationsService } from './sector-associations.service';

export function toSectorAssociationDto(sa: SectorAssociation): SectorAssociationDto {
  return {
    id: sa.id,
    version: sa.version,
    name: sa.name,
    sector: sa.sector,
    website: sa.website,
    createdAt: sa.createdAt,
    updatedAt: sa.updatedAt,
  };
}

@ApiTags('sector-associations')
@Controller('sector-associations')
export class SectorAssociationsController {
  constructor(private readonly associations: SectorAssociationsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Register a sector association (brancheorganisatie); shared by all universities',
  })
  @ApiCreatedResponse({ type: SectorAssociationDto })
  @ApiProblems({ 409: 'A sector association with this name exists' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateSectorAssociationDto,
  ): Promise<SectorAssociationDto> {
    return toSectorAssociationDto(await this.associations.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Sector associations; search by name' })
  @ApiPage(SectorAssociationDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListSectorAssociationsQueryDto,
  ): Promise<Page<SectorAssociationDto>> {
    return mapPage(await this.associations.list(p, query), toSectorAssociationDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A sector association' })
  @ApiOkResponse({ type: SectorAssociationDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SectorAssociationDto> {
    return toSectorAssociationDto(await this.associations.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Edit a sector association (admins, coordinators of universities that registered it or partner with it in a route)',
    description: SHARED_RECORD_EDITORS,
  })
  @ApiOkResponse({ type: SectorAssociationDto })
  @ApiProblems({ 403: 'You may read but not edit this shared record' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSectorAssociationDto,
    @IfMatch() ifMatch?: number,
  ): Promise<SectorAssociationDto> {
    return toSectorAssociationDto(await this.associations.update(p, id, dto, ifMatch));
  }
}
