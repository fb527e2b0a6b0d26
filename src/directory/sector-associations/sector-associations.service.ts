import {
  applyScope,
  AuditService,
  ConflictError,
  escapeLike,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  stripUndefined,
  uniqueViolation,
  updateLocked,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { actedAs, registeringUniversity, sharedEditAudit } from '../shared-records';
import {
  CreateSectorAssociationDto,
  ListSectorAssociationsQueryDto,
  UpdateSectorAssociationDto,
} from './sector-association.dto';
import { SectorAssociation } from './sector-association.entity';
import { WorkingRelations } from '../working-relations';

/** Shared reference data: every authenticated caller may read every sector association. */
export const SECTOR_ASSOCIATION_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: 'all',
  foundation_staff: 'all',
  company_rep: 'all',
  student: 'all',
  integration: 'all',
  universityLimit: 'shared',
};

@Injectable()
export class SectorAssociationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly relations: WorkingRelations,
    @InjectRepository(SectorAssociation) private readonly repository: Repository<SectorAssociation>,
  ) {}

  async create(principal: Principal, dto: CreateSectorAssociationDto): Promise<SectorAssociation> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertNameFree(manager, dto.name);
        const association = manager.create(SectorAssociation, {
          name: dto.name,
          sector: dto.sector ?? null,
          website: dto.website ?? null,
          registeredByUniversityId: registeringUniversity(principal),
        });
        await manager.save(association);
        await this.audit.record(manager, principal, {
          resourceType: 'sector_association',
          resourceId: association.id,
          action: 'created',
          universityId: registeringUniversity(principal),
          data: { ...dto, by: actedAs(principal) },
        });
        return association;
      });
    } catch (error) {
      throw this.translate(error, dto.name);
    }
  }

  list(
    principal: Principal,
    query: ListSectorAssociationsQueryDto,
  ): Promise<Page<SectorAssociation>> {
    const qb = applyScope(
      this.repository.createQueryBuilder('sa'),
      principal,
      SECTOR_ASSOCIATION_SCOPE,
    );
    if (query.q) qb.andWhere('sa.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    if (query.sector)
      qb.andWhere('lower(sa.sector) = lower(:sector)', { sector: query.sector.trim() });
    return paginate(qb, query);
  }

  async get(principal: Principal, id: string): Promise<SectorAssociation> {
    const association = await this.scoped(this.dataSource.manager, principal, id).getOne();
    if (!association) throw new NotFoundError('Sector association', id);
    return association;
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateSectorAssociationDto,
    ifMatch?: number,
  ): Promise<SectorAssociation> {
    try {
      return await updateLocked(this.dataSource, this.audit, principal, {
        resource: 'Sector association',
        id,
        body: dto,
        ifMatch,
        lock: (manager) =>
          this.scoped(manager, principal, id).setLock('pessimistic_write').getOne(),
        authorise: (manager, association) =>
          this.relations.assertMayEdit(
            manager,
            principal,
            { kind: 'sector_association', id: association.id },
            'edit it',
          ),
        apply: async (manager, association, before) => {
          if (dto.name !== undefined && dto.name.toLowerCase() !== association.name.toLowerCase()) {
            await this.assertNameFree(manager, dto.name);
          }
          const patch = stripUndefined(dto);
          Object.assign(association, patch);
          await manager.save(association);
          return sharedEditAudit(principal, {
            resourceType: 'sector_association',
            resourceId: association.id,
            before,
            patch,
          });
        },
      });
    } catch (error) {
      throw this.translate(error, dto.name);
    }
  }

  private scoped(manager: EntityManager, principal: Principal, id: string) {
    return applyScope(
      manager
        .getRepository(SectorAssociation)
        .createQueryBuilder('sa')
        .where('sa.id = :id', { id }),
      principal,
      SECTOR_ASSOCIATION_SCOPE,
    );
  }

  /** Names differing only in case are the same association (the unique index is case-sensitive). */
  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const taken = await manager
      .getRepository(SectorAssociation)
      .createQueryBuilder('sa')
      .where('lower(sa.name) = lower(:name)', { name })
      .getExists();
    if (taken) throw this.duplicate(name);
  }

  private translate(error: unknown, name: string | undefined): unknown {
    // The only unique constraint on the table is the one on name.
    return uniqueViolation(error) !== null ? this.duplicate(name) : error;
  }

  private duplicate(name: string | undefined): ConflictError {
    return new ConflictError(`A sector association named "${name}" already exists.`, 'duplicate');
  }
}
