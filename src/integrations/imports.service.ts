import {
  applyScope,
  assertOwnScope,
  AuditService,
  Clock,
  JobsService,
  newId,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { JOBS, jobKeys, QUEUES } from '../jobs/queues';
import { CreateStudentImportDto, ListStudentImportsQueryDto } from './dto/student-import.dto';
import { StudentImport } from './entities/student-import.entity';
import { stripBsn } from './student-import-rows';

/** Integration keys and coordinators see their own university's imports; admins all. */
export const IMPORT_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
};

/** The roles that may post and read imports; everyone else is 403. */
export const IMPORT_ROLES = ['admin', 'coordinator', 'integration'] as const;

/** The API side of student imports: accept a batch, store it, and leave the work to the worker. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: DirectoryReads,
    @InjectRepository(StudentImport) private readonly imports: Repository<StudentImport>,
  ) {}

  /**
   * Stores the batch (without any BSN) and its job in one transaction, so the
   * import is either accepted and will run, or not accepted at all.
   */
  async create(principal: Principal, dto: CreateStudentImportDto): Promise<StudentImport> {
    const universityId = this.targetUniversity(principal, dto.universityId);
    const rows = dto.students.map((row) => stripBsn(row));
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.directory.exists(manager, 'university', universityId)))
        throw new ValidationError([{ field: 'universityId', message: 'does not exist' }]);
      const now = this.clock.now();
      const studentImport = manager.create(StudentImport, {
        id: newId(),
        version: 1,
        universityId,
        status: 'queued',
        requestedByKind: principal.kind,
        requestedById: principal.id,
        rows,
        totalRows: rows.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        errors: [],
        startedAt: null,
        finishedAt: null,
        failureReason: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.save(studentImport);
      await this.jobs.enqueue(manager, {
        queue: QUEUES.imports,
        kind: JOBS.studentImport,
        key: jobKeys.studentImport(studentImport.id),
        subject: { type: 'student_import', id: studentImport.id },
        payload: { importId: studentImport.id },
      });
      await this.audit.record(manager, principal, {
        resourceType: 'student_import',
        resourceId: studentImport.id,
        action: 'requested',
        universityId,
        data: { totalRows: rows.length },
      });
      return studentImport;
    });
  }

  async get(principal: Principal, id: string): Promise<StudentImport> {
    const found = await applyScope(
      this.imports.createQueryBuilder('i').where('i.id = :id', { id }),
      principal,
      IMPORT_SCOPE,
    ).getOne();
    if (!found) throw new NotFoundError('Student import', id);
    return found;
  }

  list(principal: Principal, query: ListStudentImportsQueryDto): Promise<Page<StudentImport>> {
    const qb = applyScope(
      this.imports
        .createQueryBuilder('i')
        // The errors can run to thousands of entries: the list leaves them to GET /imports/:id.
        .select([
          'i.id',
          'i.version',
          'i.universityId',
          'i.status',
          'i.totalRows',
          'i.created',
          'i.updated',
        ])
        .addSelect([
          'i.unchanged',
          'i.rejected',
          'i.requestedByKind',
          'i.requestedById',
          'i.createdAt',
        ])
        .addSelect(['i.startedAt', 'i.finishedAt', 'i.failureReason']),
      principal,
      IMPORT_SCOPE,
    );
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.universityId) qb.andWhere('i.university_id = :uid', { uid: query.universityId });
    return paginate(qb, query);
  }

  /** Scoped callers import into their own university; admins must say which. */
  private targetUniversity(principal: Principal, given: string | undefined): string {
    if (principal.role === 'admin') {
      if (!given) {
        throw new ValidationError([
          { field: 'universityId', message: 'is required when an admin imports' },
        ]);
      }
      return given;
    }
    if (given) assertOwnScope(principal, 'universityId', given, 'import students');
    if (!principal.universityId)
      throw new ValidationError([{ field: 'universityId', message: 'is required' }]);
    return principal.universityId;
  }
}
