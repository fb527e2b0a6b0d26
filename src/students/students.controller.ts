import { CurrentPrincipal, IfMatch, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  CreateStudentDto,
  ListStudentsQueryDto,
  StudentDto,
  UpdateStudentDto,
} from './dto/student.dto';
import { STUDENT_PAGE_SCHEMA, STUDENT_SCHEMA } from './student-response.schema';
import { StudentRecord } from './student-record';
import { StudentsService } from './students.service';

export function toStudentDto(s: StudentRecord): StudentDto {
  return {
    id: s.id,
    version: s.version,
    universityId: s.universityId,
    programmeId: s.programmeId,
    studentNumber: s.studentNumber,
    externalId: s.externalId,
    firstName: s.firstName,
    lastName: s.lastName,
    email: s.email,
    intakeGroup: s.intakeGroup,
    priorEducation: s.priorEducation,
    cohort: s.cohort,
    dateOfBirth: s.dateOfBirth,
    workedForEmployerBefore: s.workedForEmployerBefore,
    monthsWithEmployerBefore: s.monthsWithEmployerBefore,
    createdAt: isoInstant(s.createdAt),
    updatedAt: isoInstant(s.updatedAt),
  };
}

/** Reads carry their timestamps as ISO text already (STUDENT_RECORD_COLUMNS); writes as Dates. */
const isoInstant = (value: Date | string) =>
  typeof value === 'string' ? value : value.toISOString();

@ApiTags('students')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @Post()
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Register a student of a university (never send a BSN: it is refused)' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateStudentDto,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.create(p, dto));
  }

  @Get()
  @RouteSchema({ response: { 200: STUDENT_PAGE_SCHEMA } })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListStudentsQueryDto,
  ): Promise<Page<StudentDto>> {
    return mapPage(await this.students.list(p, query), toStudentDto);
  }

  @Get(':id')
  @RouteSchema({ response: { 200: STUDENT_SCHEMA } })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator', 'integration')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version you edited; 409 when stale',
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateStudentDto,
    @IfMatch() ifMatch?: number,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.update(p, id, dto, ifMatch));
  }
}
