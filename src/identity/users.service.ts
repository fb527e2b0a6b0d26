import {
  applyScope,
  assertOwnScope,
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
import { roleScopeErrors } from './role-scope';

/** Admins see all users; coordinators their university's; everyone else only themselves. */
const USER_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  foundation_staff: (alias, p) => ({ sql: `${alias}.id = :selfId`, params: { selfId: p.id } }),
  company_rep: (alias, p) => ({ sql: `${alias}.id = :selfId`, params: { selfId: p.id } }),
  student: (alias, p) => ({ sql: `${alias}.id = :selfId`, params: { selfId: p.id } }),
};

/** Roles a coordinator may hand out, all tied to their own university or to shared companies. */
const COORDINATOR_GRANTABLE = ['coordinator', 'student', 'company_rep'] as const;

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
    const scopeErrors = roleScopeErrors(dto.role, dto);
    if (scopeErrors.length) throw new ValidationError(scopeErrors);
    if (principal.role === 'coordinator') {
      if (!(COORDINATOR_GRANTABLE as readonly string[]).includes(dto.role)) {
        throw new ForbiddenError(`Coordinators may create ${COORDINATOR_GRANTABLE.join(', ')} users only.`);
      }
      if (dto.universityId) assertOwnScope(principal, 'universityId', dto.universityId, 'create users');
    }
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      let universityId = dto.universityId ?? null;
      for (const field of Object.keys(SCOPE_TABLES) as (keyof typeof SCOPE_TABLES)[]) {
        const id = dto[field];
        if (!id) continue;
        const row = await this.findScopeRow(manager, SCOPE_TABLES[field], id);
        if (!row) throw new ValidationError([{ field, message: 'does not exist' }]);
        if (field === 'studentId') universityId = row.university_id ?? null;
      }
      if (dto.role === 'student' && principal.role === 'coordinator') {
        // A coordinator may only give logins to students of their own university.
        if (universityId !== principal.universityId) {
          throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
        }
      }
      const email = dto.email.trim().toLowerCase();
      const taken = await manager.exists(User, { where: { email } });
      if (taken) throw new ConflictError(`A user with the email address ${email} already exists.`, 'duplicate');
      const user = manager.create(User, {
        email,
        name: dto.name.trim(),
        passwordHash,
        role: dto.role,
        universityId,
        foundationId: dto.foundationId ?? null,
        companyId: dto.companyId ?? null,
        studentId: dto.studentId ?? null,
        active: true,
      });
      await manager.save(user);
      await this.audit.record(manager, principal, {
        resourceType: 'user',
        resourceId: user.id,
        action: 'created',
        universityId,
        data: { role: user.role },
      });
      return user;
    });
  }

  list(principal: Principal, query: ListUsersQueryDto): Promise<Page<User>> {
    const qb = applyScope(this.dataSource.getRepository(User).createQueryBuilder('u'), principal, USER_SCOPE);
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
