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
  CreateFoundationDto,
  FoundationDto,
  ListFoundationsQueryDto,
  toFoundationDto,
  UpdateFoundationDto,
} from './foundation.dto';
import { FoundationsService } from './foundations.service';

@ApiTags('foundations')
@Controller('foundations')
export class FoundationsController {
  constructor(private readonly foundations: FoundationsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Register a regional foundation (shared employer); the KvK number must be new',
  })
  @ApiCreatedResponse({ type: FoundationDto })
  @ApiProblems({ 409: 'The KvK number is already registered' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateFoundationDto,
  ): Promise<FoundationDto> {
    return toFoundationDto(await this.foundations.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Foundations (admins, coordinators and foundation staff see all)' })
  @ApiPage(FoundationDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListFoundationsQueryDto,
  ): Promise<Page<FoundationDto>> {
    return mapPage(await this.foundations.list(p, query), toFoundationDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A regional foundation' })
  @ApiOkResponse({ type: FoundationDto })
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
  @ApiOkResponse({ type: FoundationDto })
  @ApiProblems({ 403: 'You may read but not edit this shared record', 409: 'The KvK number is already registered' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateFoundationDto,
    @IfMatch() ifMatch?: number,
  ): Promise<FoundationDto> {
    return toFoundationDto(await this.foundations.update(p, id, dto, ifMatch));
  }
}
