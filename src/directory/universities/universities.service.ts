import {
  applyScope,
  assertOwnScope,
  AuditService,
  ConflictError,
  escapeLike,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  stripUndefined,
  updateLocked,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  CreateUniversityDto,
  ListUniversitiesQueryDto,
  UpdateUniversityDto,
} from './university.dto';
import { University } from './university.entity';

/**
 * University-scoped roles see their own university; foundations work across universities (staff
 * limited to one university: that one).
 */
export const UNIVERSITY_SCOPE: ScopeRules = {
  admin: 'all',
  foundation_staff: 'all',
  coordinator: { column: 'id', principalField: 'universityId' },
  integration: { column: 'id', principalField: 'universityId' },
  student: { column: 'id', principalField: 'universityId' },
  universityLimit: { column: 'id' },
};

@Injectable()
export class UniversitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(University) private readonly repository: Repository<University>,
  ) {}

  create(principal: Principal, dto: CreateUniversityDto): Promise<University> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertBrinFree(manager, dto.brinCode);
      const university = manager.create(University, {
        name: dto.name.trim(),
        brinCode: dto.brinCode,
        city: dto.city ?? null,
      });
      await manager.save(university);
      await this.audit.record(manager, principal, {
        resourceType: 'university',
        resourceId: university.id,
        action: 'created',
        universityId: university.id,
        data: { ...dto },
      });
      return university;
    });
  }

  list(principal: Principal, query: ListUniversitiesQueryDto): Promise<Page<University>> {
    const qb = applyScope(this.repository.createQueryBuilder('u'), principal, UNIVERSITY_SCOPE);
    if (query.brinCode) qb.andWhere('u.brin_code = :brin', { brin: query.brinCode });
    if (query.q) qb.andWhere('u.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query);
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<University> {
    const university = await applyScope(
      manager.getRepository(University).createQueryBuilder('u').where('u.id = :id', { id }),
      principal,
      UNIVERSITY_SCOPE,
    ).getOne();
    if (!university) throw new NotFoundError('University', id);
    return university;
  }

  update(
    principal: Principal,
    id: string,
    dto: UpdateUniversityDto,
    ifMatch?: number,
  ): Promise<University> {
    return updateLocked(this.dataSource, this.audit, principal, {
      resource: 'University',
      id,
      body: dto,
      ifMatch,
      lock: (manager) =>
        applyScope(
          manager.getRepository(University).createQueryBuilder('u').where('u.id = :id', { id }),
          principal,
          UNIVERSITY_SCOPE,
        )
          .setLock('pessimistic_write')
          .getOne(),
      authorise: (_manager, university) =>
        assertOwnScope(principal, 'universityId', university.id, 'edit a university'),
      apply: async (manager, university) => {
        if (dto.brinCode && dto.brinCode !== university.brinCode)
          await this.assertBrinFree(manager, dto.brinCode);
        Object.assign(university, stripUndefined(dto));
        await manager.save(university);
        return {
          resourceType: 'university',
          resourceId: university.id,
          action: 'updated',
          universityId: university.id,
          data: { ...dto },
        };
      },
    });
  }

  private async assertBrinFree(manager: EntityManager, brinCode: string): Promise<void> {
    if (await manager.exists(University, { where: { brinCode } })) {
      throw new ConflictError(
        `A university with BRIN code ${brinCode} already exists.`,
        'duplicate',
      );
    }
  }
}
