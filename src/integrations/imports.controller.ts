import { ApiPage, CurrentPrincipal, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateStudentImportDto,
  ListStudentImportsQueryDto,
  StudentImportDto,
  StudentImportSummaryDto,
} from './dto/student-import.dto';
import { StudentImport } from './entities/student-import.entity';
import { IMPORT_ROLES, ImportsService } from './imports.service';

export function toImportSummaryDto(i: StudentImport): StudentImportSummaryDto {
  return {
    id: i.id,
    version: i.version,
    universityId: i.universityId,
    status: i.status,
    totalRows: i.totalRows,
    created: i.created,
    updated: i.updated,
    unchanged: i.unchanged,
    rejected: i.rejected,
    requestedBy: { kind: i.requestedByKind, id: i.requestedById },
    createdAt: i.createdAt,
    startedAt: i.startedAt,
    finishedAt: i.finishedAt,
    failureReason: i.failureReason,
  };
}

export function toImportDto(i: StudentImport): StudentImportDto {
  return { ...toImportSummaryDto(i), errors: i.errors };
}

@ApiTags('imports')
@Roles(...IMPORT_ROLES)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('students')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Import a batch of students (upsert by externalId); answered 202, poll GET /imports/:id',
    description:
      'For integration keys (role integration) and coordinators of the university; admins name the university with `universityId` in the body. Each bad row is skipped and reported as { index, field, message } while the good rows import. Re-posting the same batch reports every row unchanged. A BSN in a row is dropped and never stored.',
  })
  @ApiAcceptedResponse({ type: StudentImportDto })
  async importStudents(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateStudentImportDto,
  ): Promise<StudentImportDto> {
    return toImportDto(await this.imports.create(principal, dto));
  }

  @Get()
  @ApiOperation({
    summary: "Imports of the caller's university, newest last (without the row errors)",
  })
  @ApiPage(StudentImportSummaryDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListStudentImportsQueryDto,
  ): Promise<Page<StudentImportSummaryDto>> {
    return mapPage(await this.imports.list(principal, query), toImportSummaryDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, counts and per-row errors of one import' })
  @ApiOkResponse({ type: StudentImportDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StudentImportDto> {
    return toImportDto(await this.imports.get(principal, id));
  }
}
