import { CurrentPrincipal, IfMatch, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SHARED_RECORD_EDITORS } from '../shared-records';
import {
  CreateFoundationDto,
  FoundationDto,
  ListFoundationsQueryDto,
  toFoundationDto,
  UpdateFoundationDto,
} from './foundation.dto';
import { FoundationsService } from './foundations.service';

@ApiTags('foundations')
@ApiBearerAuth()
@Controller('foundations')
export class FoundationsController {
  constructor(private readonly foundations: FoundationsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Register a regional foundation (shared employer); the KvK number must be new',
  })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateFoundationDto,
  ): Promise<FoundationDto> {
    return toFoundationDto(await this.foundations.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Foundations (admins, coordinators and foundation staff see all)' })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListFoundationsQueryDto,
  ): Promise<Page<FoundationDto>> {
    return mapPage(await this.foundations.list(p, query), toFoundationDto);
  }

  @Get(':id')
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FoundationDto> {
    return toFoundationDto(await this.foundations.get(p, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Edit a foundation (admins, the foundation's own staff, coordinators of universities that work with it)",
    description: SHARED_RECORD_EDITORS,
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version you edited; 409 when stale',
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateFoundationDto,
    @IfMatch() ifMatch?: number,
  ): Promise<FoundationDto> {
    return toFoundationDto(await this.foundations.update(p, id, dto, ifMatch));
  }
}
