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
import { RouteSchema } from '@nestjs/platform-fastify';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @Post()
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Register a student of a university (never send a BSN: it is refused)' })
  @ApiCreatedResponse({ type: StudentDto })
  @ApiProblems({ 409: 'The student number or external id is taken within the university' })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateStudentDto,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.create(p, dto));
  }

  @Get()
  @RouteSchema({ response: { 200: STUDENT_PAGE_SCHEMA } })
  @ApiOperation({ summary: "Students the caller may see (a coordinator: their university's; a student: themselves); filter and search" })
  @ApiPage(StudentDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListStudentsQueryDto,
  ): Promise<Page<StudentDto>> {
    return mapPage(await this.students.list(p, query), toStudentDto);
  }

  @Get(':id')
  @RouteSchema({ response: { 200: STUDENT_SCHEMA } })
  @ApiOperation({ summary: 'A student' })
  @ApiOkResponse({ type: StudentDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.get(p, id));
  }

  @Patch(':id')
  @Roles('admin', 'coordinator', 'integration')
  @ApiOperation({ summary: 'Edit a student (not the university: moving is a new registration)' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems({ 409: 'The student number or external id is taken within the university' })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateStudentDto,
    @IfMatch() ifMatch?: number,
  ): Promise<StudentDto> {
    return toStudentDto(await this.students.update(p, id, dto, ifMatch));
  }
}
