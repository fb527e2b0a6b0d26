import {
  applyScope,
  AuditService,
  ConflictError,
  escapeLike,
  isUniqueViolation,
  NotFoundError,
  Page,
  paginate,
  Principal,
  stripUndefined,
  updateLocked,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { actedAs, registeringUniversity, sharedEditAudit } from '../shared-records';
import { FOUNDATION_SCOPE } from './foundation-rules';
import {
  CreateFoundationDto,
  ListFoundationsQueryDto,
  UpdateFoundationDto,
} from './foundation.dto';
import { Foundation } from './foundation.entity';
import { WorkingRelations } from '../working-relations';

@Injectable()
export class FoundationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly relations: WorkingRelations,
    @InjectRepository(Foundation) private readonly repository: Repository<Foundation>,
  ) {}

  create(principal: Principal, dto: CreateFoundationDto): Promise<Foundation> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertKvkFree(manager, dto.kvkNumber);
      const foundation = manager.create(Foundation, {
        name: dto.name,
        kvkNumber: dto.kvkNumber,
        region: dto.region,
        registeredByUniversityId: registeringUniversity(principal),
      });
      await this.save(manager, foundation);
      await this.audit.record(manager, principal, {
        resourceType: 'foundation',
        resourceId: foundation.id,
        action: 'created',
        universityId: registeringUniversity(principal),
        data: { ...dto, by: actedAs(principal) },
      });
      return foundation;
    });
  }

  list(principal: Principal, query: ListFoundationsQueryDto): Promise<Page<Foundation>> {
    const qb = applyScope(this.repository.createQueryBuilder('f'), principal, FOUNDATION_SCOPE);
    if (query.region) qb.andWhere('lower(f.region) = lower(:region)', { region: query.region });
    if (query.kvkNumber) qb.andWhere('f.kvk_number = :kvk', { kvk: query.kvkNumber });
    if (query.q) qb.andWhere('f.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query);
  }

  /** The foundation if the caller may see it; 404 otherwise (existence is not leaked). */
  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<Foundation> {
    const qb = applyScope(
      manager.getRepository(Foundation).createQueryBuilder('f').where('f.id = :id', { id }),
      principal,
      FOUNDATION_SCOPE,
    );
    if (lock) qb.setLock(lock);
    const foundation = await qb.getOne();
    if (!foundation) throw new NotFoundError('Foundation', id);
    return foundation;
  }

  update(
    principal: Principal,
    id: string,
    dto: UpdateFoundationDto,
    ifMatch?: number,
  ): Promise<Foundation> {
    return updateLocked(this.dataSource, this.audit, principal, {
      resource: 'Foundation',
      id,
      body: dto,
      ifMatch,
      lock: (manager) => this.get(principal, id, manager, 'pessimistic_write'),
      authorise: (manager, foundation) =>
        this.relations.assertMayEdit(
          manager,
          principal,
          { kind: 'foundation', id: foundation.id },
          'edit it',
        ),
      apply: async (manager, foundation, before) => {
        if (dto.kvkNumber && dto.kvkNumber !== foundation.kvkNumber)
          await this.assertKvkFree(manager, dto.kvkNumber);
        const patch = stripUndefined(dto);
        Object.assign(foundation, patch);
        await this.save(manager, foundation);
        return sharedEditAudit(principal, {
          resourceType: 'foundation',
          resourceId: foundation.id,
          before,
          patch,
        });
      },
    });
  }

  private async assertKvkFree(manager: EntityManager, kvkNumber: string): Promise<void> {
    if (await manager.exists(Foundation, { where: { kvkNumber } })) throw kvkTaken(kvkNumber);
  }

  /** A concurrent registration of the same KvK number loses on the unique constraint. */
  private async save(manager: EntityManager, foundation: Foundation): Promise<void> {
    try {
      await manager.save(foundation);
    } catch (error) {
      if (isUniqueViolation(error)) throw kvkTaken(foundation.kvkNumber);
      throw error;
    }
  }
}

function kvkTaken(kvkNumber: string): ConflictError {
  return new ConflictError(
    `A foundation with KvK number ${kvkNumber} is already registered.`,
    'duplicate',
    {
      errors: [{ field: 'kvkNumber', message: 'is already registered' }],
    },
  );
}
