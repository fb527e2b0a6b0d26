import {
  applyScope,
  assertOwnScope,
  AuditService,
  Clock,
  ConflictError,
  decodeCursor,
  DEFAULT_LIMIT,
  escapeLike,
  NotFoundError,
  Page,
  Principal,
  queryPrepared,
  scopeCondition,
  stripUndefined,
  toCalendarDate,
  toPage,
  uniqueViolation,
  updateLocked,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { CreateStudentDto, ListStudentsQueryDto, UpdateStudentDto } from './dto/student.dto';
import { Student } from './entities/student.entity';
import { STUDENT_RECORD_COLUMNS, StudentRecord } from './student-record';
import { studentRuleErrors } from './student-rules';
import { StudentVisibility } from './student-visibility';

const UNIQUE_NUMBER = 'uq_students_university_number';
const UNIQUE_EXTERNAL = 'uq_students_university_external';

@Injectable()
export class StudentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
    private readonly visibility: StudentVisibility,
  ) {}

  async create(principal: Principal, dto: CreateStudentDto): Promise<Student> {
    assertOwnScope(principal, 'universityId', dto.universityId, 'register students');
    const values = {
      universityId: dto.universityId,
      programmeId: dto.programmeId,
      studentNumber: dto.studentNumber,
      externalId: dto.externalId ?? null,
      firstName: dto.firstName,
      lastName: dto.lastName,
      email: dto.email,
      intakeGroup: dto.intakeGroup,
      priorEducation: dto.priorEducation,
      cohort: dto.cohort,
      dateOfBirth: dto.dateOfBirth ?? null,
      workedForEmployerBefore: dto.workedForEmployerBefore ?? false,
      monthsWithEmployerBefore: dto.monthsWithEmployerBefore ?? null,
    };
    this.assertRules(values);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertProgrammeOfUniversity(manager, values.programmeId, values.universityId);
        const student = manager.create(Student, values);
        await manager.save(student);
        await this.audit.record(manager, principal, {
          resourceType: 'student',
          resourceId: student.id,
          action: 'created',
          universityId: student.universityId,
          // Personal data stays out of the append-only audit trail: record what, not the values.
          data: {
            programmeId: student.programmeId,
            cohort: student.cohort,
            intakeGroup: student.intakeGroup,
          },
        });
        return student;
      });
    } catch (error) {
      throw this.translate(error, values);
    }
  }

  /**
   * One indexed query: the scope and filters narrow the rows, keyset pagination orders them by id.
   * Reads skip the query builder and entity hydration (this is the hottest list in the API); the
   * tenancy condition still comes from the shared scope helper.
   */
  async list(principal: Principal, query: ListStudentsQueryDto): Promise<Page<StudentRecord>> {
    const scope = scopeCondition('s', principal, this.visibility.scope);
    const where = [`(${scope.sql})`];
    const params: ObjectLiteral = { ...scope.params };
    const filter = (sql: string, values: ObjectLiteral) => {
      where.push(sql);
      Object.assign(params, values);
    };
    if (query.universityId)
      filter('s.university_id = :universityId', { universityId: query.universityId });
    if (query.programmeId)
      filter('s.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.cohort !== undefined) filter('s.cohort = :cohort', { cohort: query.cohort });
    if (query.intakeGroup)
      filter('s.intake_group = :intakeGroup', { intakeGroup: query.intakeGroup });
    if (query.externalId)
      filter('s.external_id = :externalId', { externalId: query.externalId.trim() });
    if (query.studentNumber)
      filter('s.student_number = :studentNumber', { studentNumber: query.studentNumber.trim() });
    if (query.q) {
      filter(
        `(s.first_name ILIKE :q OR s.last_name ILIKE :q OR s.email ILIKE :q OR (s.first_name || ' ' || s.last_name) ILIKE :q)`,
        { q: `%${escapeLike(query.q.trim())}%` },
      );
    }
    if (query.cursor) filter('s.id > :cursor', { cursor: decodeCursor(query.cursor) });
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.read(
      `SELECT ${STUDENT_RECORD_COLUMNS} FROM students s WHERE ${where.join(' AND ')} ORDER BY s.id LIMIT :take`,
      { ...params, take: limit + 1 },
    );
    return toPage(rows, limit);
  }

  /** One primary-key lookup with the scope condition; no transaction for a read. */
  async get(principal: Principal, id: string): Promise<StudentRecord> {
    const scope = scopeCondition('s', principal, this.visibility.scope);
    const [student] = await this.read(
      `SELECT ${STUDENT_RECORD_COLUMNS} FROM students s WHERE s.id = :id AND (${scope.sql})`,
      { ...scope.params, id },
    );
    if (!student) throw new NotFoundError('Student', id);
    return student;
  }

  update(
    principal: Principal,
    id: string,
    dto: UpdateStudentDto,
    ifMatch?: number,
  ): Promise<Student> {
    const patch = stripUndefined(dto);
    return updateLocked(this.dataSource, this.audit, principal, {
      resource: 'Student',
      id,
      body: dto,
      ifMatch,
      lock: (manager) => this.scoped(manager, principal, id).setLock('pessimistic_write').getOne(),
      authorise: (_manager, student) =>
        assertOwnScope(principal, 'universityId', student.universityId, 'edit students'),
      apply: async (manager, student) => {
        // Saying "did not work there before" clears the months, unless the same patch sets them.
        if (
          patch.workedForEmployerBefore === false &&
          patch.monthsWithEmployerBefore === undefined
        ) {
          patch.monthsWithEmployerBefore = null;
        }
        this.assertRules({ ...student, ...patch });
        if (patch.programmeId !== undefined && patch.programmeId !== student.programmeId) {
          await this.assertProgrammeOfUniversity(manager, patch.programmeId, student.universityId);
        }
        Object.assign(student, patch);
        await manager.save(student);
        return {
          resourceType: 'student',
          resourceId: student.id,
          action: 'updated',
          universityId: student.universityId,
          data: { fields: Object.keys(patch).sort() },
        };
      },
    }).catch((error: unknown) => {
      throw this.translate(error, patch);
    });
  }

  private read(sql: string, params: ObjectLiteral): Promise<StudentRecord[]> {
    return queryPrepared<StudentRecord>(this.dataSource, sql, params);
  }

  private scoped(manager: EntityManager, principal: Principal, id: string) {
    return applyScope(
      manager.getRepository(Student).createQueryBuilder('s').where('s.id = :id', { id }),
      principal,
      this.visibility.scope,
    );
  }

  private assertRules(student: Parameters<typeof studentRuleErrors>[0]): void {
    const errors = studentRuleErrors(student, toCalendarDate(this.clock.now()));
    if (errors.length) throw new ValidationError(errors);
  }

  /** Another university's programme reads exactly like a missing one. */
  private async assertProgrammeOfUniversity(
    manager: EntityManager,
    programmeId: string,
    universityId: string,
  ) {
    const programme = (await this.directory.programmesByIds(manager, [programmeId])).get(
      programmeId,
    );
    if (programme?.universityId === universityId) return;
    if (!(await this.directory.exists(manager, 'university', universityId))) {
      throw new ValidationError([{ field: 'universityId', message: 'does not exist' }]);
    }
    throw new ValidationError([
      { field: 'programmeId', message: 'is not a programme of this university' },
    ]);
  }

  /** The unique indexes decide, also when two requests race; the message names the field. */
  private translate(
    error: unknown,
    values: { studentNumber?: string; externalId?: string | null },
  ): unknown {
    switch (uniqueViolation(error)) {
      case UNIQUE_NUMBER:
        return new ConflictError(
          `This university already has a student with student number ${values.studentNumber}.`,
          'duplicate',
          { errors: [{ field: 'studentNumber', message: 'is already taken at this university' }] },
        );
      case UNIQUE_EXTERNAL:
        return new ConflictError(
          `This university already has a student with external id ${values.externalId}.`,
          'duplicate',
          { errors: [{ field: 'externalId', message: 'is already taken at this university' }] },
        );
      default:
        return error;
    }
  }
}
