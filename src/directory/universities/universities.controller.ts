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
import { UniversitiesService } from './universities.service';
import {
  CreateUniversityDto,
  ListUniversitiesQueryDto,
  UniversityDto,
  UpdateUniversityDto,
} from './university.dto';
import { University } from './university.entity';

function toDto(u: University): UniversityDto {
  return {
    id: u.id,
    version: u.version,
    name: u.name,
    brinCode: u.brinCode,
    city: u.city,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

@ApiTags('universities')
@Controller('universities')
export class UniversitiesController {
  constructor(private readonly universities: UniversitiesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a university (hogeschool) by its BRIN or RIO code' })
  @ApiCreatedResponse({ type: UniversityDto })
  @ApiProblems({ 409: 'The BRIN code is already registered' })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUniversityDto): Promise<UniversityDto> {
    return toDto(await this.universities.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Universities; filter by BRIN code or name' })
  @ApiPage(UniversityDto)
  async list(@CurrentPrincipal() p: Principal, @Query() query: ListUniversitiesQueryDto): Promise<Page<UniversityDto>> {
    return mapPage(await this.universities.list(p, query), toDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A university' })
  @ApiOkResponse({ type: UniversityDto })
  async get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UniversityDto> {
    return toDto(await this.universities.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Edit a university (admins; coordinators their own)' })
  @ApiOkResponse({ type: UniversityDto })
  @ApiProblems({ 409: 'The BRIN code is already registered' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUniversityDto,
    @IfMatch() ifMatch?: number,
  ): Promise<UniversityDto> {
    return toDto(await this.universities.update(p, id, dto, ifMatch));
  }
}
