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
import { CompaniesService } from './companies.service';
import {
  CompanyDto,
  CreateCompanyDto,
  ListCompaniesQueryDto,
  toCompanyDto,
  UpdateCompanyDto,
} from './company.dto';

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Register a company (mkb-bedrijf); the KvK number must be new' })
  @ApiCreatedResponse({ type: CompanyDto })
  @ApiProblems({ 409: 'The KvK number is already registered' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateCompanyDto,
  ): Promise<CompanyDto> {
    return toCompanyDto(await this.companies.create(p, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Companies the caller may see (staff: all; a company rep: their own)' })
  @ApiPage(CompanyDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListCompaniesQueryDto,
  ): Promise<Page<CompanyDto>> {
    return mapPage(await this.companies.list(p, query), toCompanyDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A company (mkb-bedrijf)' })
  @ApiOkResponse({ type: CompanyDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CompanyDto> {
    return toCompanyDto(await this.companies.get(p, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Edit a company (admins, the company's own reps, coordinators of universities that work with it)",
    description: SHARED_RECORD_EDITORS,
  })
  @ApiOkResponse({ type: CompanyDto })
  @ApiProblems({
    403: 'You may read but not edit this shared record',
    409: 'The KvK number is already registered',
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCompanyDto,
    @IfMatch() ifMatch?: number,
  ): Promise<CompanyDto> {
    return toCompanyDto(await this.companies.update(p, id, dto, ifMatch));
  }
}
