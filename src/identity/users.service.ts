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
import { DataSource, EntityManager } from 'typeorm';
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

const SCOPE_TABLES = {
  universityId: 'universities',
  foundationId: 'foundations',
  companyId: 'companies',
  studentId: 'students',
} as const;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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
      let universityId = grant.universityId ?? null;
      for (const field of Object.keys(SCOPE_TABLES) as (keyof typeof SCOPE_TABLES)[]) {
        const id = grant[field];
        if (!id) continue;
        const row = await this.findScopeRow(manager, SCOPE_TABLES[field], id);
        if (!row) throw new ValidationError([{ field, message: 'does not exist' }]);
        if (field === 'studentId') universityId = row.university_id ?? null;
      }
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
    const qb = applyScope(
      this.dataSource.getRepository(User).createQueryBuilder('u'),
      principal,
      USER_SCOPE,
    );
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.universityId) qb.andWhere('u.university_id = :uid', { uid: query.universityId });
    return paginate(qb, query);
  }

  async get(principal: Principal, id: string): Promise<User> {
    const user = await applyScope(
      this.dataSource.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id }),
      principal,
      USER_SCOPE,
    ).getOne();
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async findScopeRow(
    manager: EntityManager,
    table: string,
    id: string,
  ): Promise<{ university_id?: string } | undefined> {
    const columns = table === 'students' ? 'university_id' : '1 AS found';
    const rows = await manager.query(`SELECT ${columns} FROM ${table} WHERE id = $1`, [id]);
    return rows[0];
  }
}
