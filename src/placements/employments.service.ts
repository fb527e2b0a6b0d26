import {
  applyScope,
  assertRole,
  AuditService,
  ConflictError,
  findInScope,
  ForbiddenError,
  newId,
  Page,
  paginate,
  Principal,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentReads } from '../students/student-reads';
import { CreateEmploymentDto, ListEmploymentsQueryDto } from './dto/placement.dto';
import { Employment } from './entities/employment.entity';
import { overlaps } from './periods';
import { canWriteEmployment, EMPLOYMENT_SCOPE, EMPLOYMENT_WRITERS } from './placements-scope';

export interface EmploymentInput extends Omit<CreateEmploymentDto, 'employer'> {
  employer: { type: 'company' | 'foundation'; id: string };
  matchId?: string | null;
  agreementId?: string | null;
}

/** Employments: a student's employer of record over a period; periods of a student never overlap. */
@Injectable()
export class EmploymentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(Employment) private readonly repository: Repository<Employment>,
    private readonly students: StudentReads,
    private readonly directory: DirectoryReads,
  ) {}

  create(principal: Principal, dto: CreateEmploymentDto): Promise<Employment> {
    assertRole(principal, EMPLOYMENT_WRITERS, 'record employments');
    if (
      principal.role === 'foundation_staff' &&
      (dto.employer.type !== 'foundation' || dto.employer.id !== principal.foundationId)
    ) {
      throw new ForbiddenError('Foundation staff record employments by their own foundation only.');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.assertStudentVisible(manager, principal, dto.studentId);
      return this.createIn(manager, principal, dto);
    });
  }

  /**
   * An employment starts from an accepted match (placement-on-acceptance, which has its own
   * checks) or is recorded directly by someone who can see the student: the student's own
   * university, or a foundation the student is already placed with. Any other student reads
   * exactly like a missing one.
   */
  private async assertStudentVisible(
    manager: EntityManager,
    principal: Principal,
    studentId: string,
  ): Promise<void> {
    if (!(await this.students.isVisible(manager, principal, studentId)))
      throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
  }

  /** Inside the caller's transaction (also used when a match is accepted). */
  async createIn(
    manager: EntityManager,
    principal: Principal,
    input: EmploymentInput,
  ): Promise<Employment> {
    const endDate = input.endDate ?? null;
    if (endDate === null && input.contractType !== 'permanent') {
      throw new ValidationError([
        {
          field: 'endDate',
          message: 'is required for a fixed_term contract (only a permanent one has no end date)',
        },
      ]);
    }
    if (endDate !== null && endDate < input.startDate) {
      throw new ValidationError([
        { field: 'endDate', message: `must not be before the start date ${input.startDate}` },
      ]);
    }
    const universityId = (await this.students.studentsByIds(manager, [input.studentId])).get(
      input.studentId,
    )?.universityId;
    if (!universityId)
      throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
    if (principal.role === 'coordinator' && universityId !== principal.universityId) {
      throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
    }
    if (!(await this.directory.exists(manager, input.employer.type, input.employer.id)))
      throw new ValidationError([
        { field: 'employer.id', message: `is not a known ${input.employer.type}` },
      ]);
    // Serialise employments of one student, so the friendly check below sees every committed
    // period; the exclusion constraint still holds if anything bypasses this.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `employment:${input.studentId}`,
    ]);
    const existing: { id: string; start_date: string; end_date: string | null }[] =
      await manager.query(
        `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM employments WHERE student_id = $1`,
        [input.studentId],
      );
    const clash = existing.find((e) =>
      overlaps({ startDate: e.start_date, endDate: e.end_date }, { ...input, endDate }),
    );
    if (clash) throw await this.overlapError(manager, principal, clash);
    const employment = manager.create(Employment, {
      id: newId(),
      studentId: input.studentId,
      universityId,
      employerType: input.employer.type,
      employerCompanyId: input.employer.type === 'company' ? input.employer.id : null,
      employerFoundationId: input.employer.type === 'foundation' ? input.employer.id : null,
      startDate: input.startDate,
      endDate,
      contractType: input.contractType,
      hoursPerWeek: input.hoursPerWeek,
      matchId: input.matchId ?? null,
      agreementId: input.agreementId ?? null,
    });
    await manager.save(employment);
    await this.audit.record(manager, principal, {
      resourceType: 'employment',
      resourceId: employment.id,
      action: 'created',
      universityId,
      data: { ...input },
    });
    return employment;
  }

  /**
   * 409 for an overlapping period. It names the other employment (id and dates) only to a caller
   * who can read it: another tenant's employment stays unnamed (the overlap itself must be said).
   */
  private async overlapError(
    manager: EntityManager,
    principal: Principal,
    clash: { id: string; start_date: string; end_date: string | null },
  ): Promise<ConflictError> {
    const readable = await applyScope(
      manager
        .getRepository(Employment)
        .createQueryBuilder('e')
        .where('e.id = :id', { id: clash.id }),
      principal,
      EMPLOYMENT_SCOPE,
    ).getExists();
    if (!readable) {
      return new ConflictError(
        'The student is already employed in an overlapping period; employment periods of a student cannot overlap.',
        'employment-overlap',
      );
    }
    return new ConflictError(
      `The student is already employed ${clash.end_date ? `from ${clash.start_date} to ${clash.end_date}` : `from ${clash.start_date}, without end date`} (employment ${clash.id}); employment periods of a student cannot overlap.`,
      'employment-overlap',
      { employmentId: clash.id },
    );
  }

  list(principal: Principal, query: ListEmploymentsQueryDto): Promise<Page<Employment>> {
    const qb = applyScope(this.repository.createQueryBuilder('e'), principal, EMPLOYMENT_SCOPE);
    if (query.studentId) qb.andWhere('e.student_id = :studentId', { studentId: query.studentId });
    if (query.employerId) {
      qb.andWhere(
        '(e.employer_company_id = :employerId OR e.employer_foundation_id = :employerId)',
        {
          employerId: query.employerId,
        },
      );
    }
    if (query.activeOn)
      qb.andWhere('e.start_date <= :activeOn AND (e.end_date IS NULL OR e.end_date >= :activeOn)', {
        activeOn: query.activeOn,
      });
    return paginate(qb, query);
  }

  get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'pessimistic_write',
  ): Promise<Employment> {
    return findInScope(manager, Employment, id, principal, EMPLOYMENT_SCOPE, {
      resource: 'Employment',
      lock,
    });
  }

  /**
   * The employment in the caller's scope, locked FOR UPDATE, and 403 unless they may change its
   * placements (secondments, rotation plan).
   */
  async getWritable(manager: EntityManager, principal: Principal, id: string): Promise<Employment> {
    const employment = await this.get(principal, id, manager, 'pessimistic_write');
    if (!canWriteEmployment(principal, employment))
      throw new ForbiddenError(
        'Only the employing foundation, the university coordinator or an admin may change secondments.',
      );
    return employment;
  }

  /**
   * Names the agreement an employment is placed under, inside the caller's transaction: an
   * accepted match creates the employment first (its secondment needs it), then the draft
   * agreement, then links the two, all in the acceptance's one transaction.
   */
  async attachAgreement(
    manager: EntityManager,
    employment: Employment,
    agreementId: string,
  ): Promise<void> {
    await manager.update(Employment, { id: employment.id }, { agreementId });
    employment.agreementId = agreementId;
  }
}
