import { ApiPage, CurrentPrincipal, IfMatch, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateRouteDto, ListRoutesQueryDto, RouteDto, UpdateRouteDto } from './route.dto';
import { RouteRecord, RoutesService } from './routes.service';

export function toRouteDto(r: RouteRecord): RouteDto {
  return {
    id: r.id,
    version: r.version,
    programmeId: r.programmeId,
    universityId: r.universityId,
    name: r.name,
    phase: r.phase,
    sectorAssociationIds: r.sectorAssociationIds,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

@ApiTags('routes')
@Controller('routes')
export class RoutesController {
  constructor(private readonly routes: RoutesService) {}

  @Post()
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({
    summary: 'Register a Mkb-route: a programme offered as a dual route with sector partners',
  })
  @ApiCreatedResponse({ type: RouteDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateRouteDto): Promise<RouteDto> {
    return toRouteDto(await this.routes.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Routes the caller may see; filter by programme or phase' })
  @ApiPage(RouteDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListRoutesQueryDto,
  ): Promise<Page<RouteDto>> {
    return mapPage(await this.routes.list(p, query), toRouteDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A route with its sector associations' })
  @ApiOkResponse({ type: RouteDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RouteDto> {
    return toRouteDto(await this.routes.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Edit a route of your university (name, phase, sector associations)' })
  @ApiOkResponse({ type: RouteDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRouteDto,
    @IfMatch() ifMatch?: number,
  ): Promise<RouteDto> {
    return toRouteDto(await this.routes.update(p, id, dto, ifMatch));
  }
}
