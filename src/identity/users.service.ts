import {
  applyScope,
  AuditService,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentReads } from '../students/student-reads';
import { CreateUserDto, ListUsersQueryDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './passwords';
import { completeGrant, grantRefusal, roleScopeErrors } from './role-scope';

/**
 * Admins see all users; coordinators their university's (including the company reps and
 * foundation staff limited to it); company reps and foundation staff their organisation's
 * (a limited one: those limited to the same university); a student only themself.
 */
const USER_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  foundation_staff: (alias, p) => ({
    sql: `(${alias}.id = :selfId OR (${alias}.role = 'foundation_staff' AND ${alias}.foundation_id = :scopeFoundation))`,
    params: { selfId: p.id, scopeFoundation: p.foundationId },
  }),
  company_rep: (alias, p) => ({
    sql: `(${alias}.id = :selfId OR (${alias}.role = 'company_rep' AND ${alias}.company_id = :scopeCompany))`,
    params: { selfId: p.id, scopeCompany: p.companyId },
  }),
  student: (alias, p) => ({ sql: `${alias}.id = :selfId`, params: { selfId: p.id } }),
  universityLimit: { column: 'university_id' },
};

/** The directory records a login may be scoped to (a student is checked with the students). */
const SCOPE_RECORDS = {
  universityId: 'university',
  foundationId: 'foundation',
  companyId: 'company',
} as const;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
  ) {}

  async create(principal: Principal, dto: CreateUserDto): Promise<User> {
    const grant = completeGrant(principal, {
      role: dto.role,
      universityId: dto.universityId,
      foundationId: dto.foundationId,
      companyId: dto.companyId,
      studentId: dto.studentId,
    });
    const scopeErrors = roleScopeErrors(grant.role, grant);
    if (scopeErrors.length) throw new ValidationError(scopeErrors);
    const refusal = grantRefusal(principal, grant);
    if (refusal) throw new ForbiddenError(refusal);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const universityId = await this.grantUniversity(manager, grant);
      if (grant.role === 'student' && principal.role === 'coordinator') {
        // A coordinator may only give logins to students of their own university.
        if (universityId !== principal.universityId) {
          throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
        }
      }
      const email = dto.email.trim().toLowerCase();
      const taken = await manager.exists(User, { where: { email } });
      if (taken)
        throw new ConflictError(
          `A user with the email address ${email} already exists.`,
          'duplicate',
        );
      const user = manager.create(User, {
        email,
        name: dto.name.trim(),
        passwordHash,
        role: dto.role,
        universityId,
        foundationId: grant.foundationId ?? null,
        companyId: grant.companyId ?? null,
        studentId: grant.studentId ?? null,
        active: true,
      });
      await manager.save(user);
      await this.audit.record(manager, principal, {
        resourceType: 'user',
        resourceId: user.id,
        action: 'created',
        universityId,
        // A university on a company rep or foundation staff member is the limit they act within.
        data: {
          role: user.role,
          universityId,
          companyId: user.companyId,
          foundationId: user.foundationId,
        },
      });
      return user;
    });
  }

  list(principal: Principal, query: ListUsersQueryDto): Promise<Page<User>> {
    const qb = applyScope(this.users.createQueryBuilder('u'), principal, USER_SCOPE);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.universityId) qb.andWhere('u.university_id = :uid', { uid: query.universityId });
    return paginate(qb, query);
  }

  async get(principal: Principal, id: string): Promise<User> {
    const user = await applyScope(
      this.users.createQueryBuilder('u').where('u.id = :id', { id }),
      principal,
      USER_SCOPE,
    ).getOne();
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /**
   * 400 for a scope naming a record that does not exist; the login's university: the grant's,
   * else (a student login) the student's.
   */
  private async grantUniversity(
    manager: EntityManager,
    grant: ReturnType<typeof completeGrant>,
  ): Promise<string | null> {
    for (const field of Object.keys(SCOPE_RECORDS) as (keyof typeof SCOPE_RECORDS)[]) {
      const id = grant[field];
      if (id && !(await this.directory.exists(manager, SCOPE_RECORDS[field], id)))
        throw new ValidationError([{ field, message: 'does not exist' }]);
    }
    if (!grant.studentId) return grant.universityId ?? null;
    const student = (await this.students.studentsByIds(manager, [grant.studentId])).get(
      grant.studentId,
    );
    const universityId = student?.universityId;
    if (!universityId)
      throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
    return universityId;
  }
}
