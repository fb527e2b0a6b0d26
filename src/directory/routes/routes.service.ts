import {
  applyScope,
  assertOwnScope,
  AuditService,
  NotFoundError,
  Page,
  paginate,
  Principal,
  ScopeRules,
  stripUndefined,
  updateLocked,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Programme } from '../programmes/programme.entity';
import { PROGRAMME_SCOPE } from '../programmes/programmes.service';
import { CreateRouteDto, ListRoutesQueryDto, UpdateRouteDto } from './route.dto';
import { Route } from './route.entity';

/** Routes follow their programme's university (denormalised on the row, so no join is needed). */
export const ROUTE_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  student: { column: 'university_id', principalField: 'universityId' },
};

/** A route with the ids of its partner sector associations. */
export type RouteRecord = Route & { sectorAssociationIds: string[] };

@Injectable()
export class RoutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(Route) private readonly repository: Repository<Route>,
  ) {}

  create(principal: Principal, dto: CreateRouteDto): Promise<RouteRecord> {
    const sectorAssociationIds = [...(dto.sectorAssociationIds ?? [])].sort();
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmeInScope(manager, principal, dto.programmeId);
      await this.assertSectorAssociationsExist(manager, sectorAssociationIds);
      const route = manager.create(Route, {
        programmeId: programme.id,
        universityId: programme.universityId,
        name: dto.name,
        phase: dto.phase,
      });
      await manager.save(route);
      await this.replaceSectorAssociations(manager, route.id, sectorAssociationIds);
      await this.audit.record(manager, principal, {
        resourceType: 'route',
        resourceId: route.id,
        action: 'created',
        universityId: route.universityId,
        data: { ...dto, sectorAssociationIds },
      });
      return Object.assign(route, { sectorAssociationIds });
    });
  }

  async list(principal: Principal, query: ListRoutesQueryDto): Promise<Page<RouteRecord>> {
    const qb = applyScope(this.repository.createQueryBuilder('r'), principal, ROUTE_SCOPE);
    if (query.universityId)
      qb.andWhere('r.university_id = :universityId', { universityId: query.universityId });
    if (query.programmeId)
      qb.andWhere('r.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.phase) qb.andWhere('r.phase = :phase', { phase: query.phase });
    if (query.sectorAssociationId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM route_sector_associations rsa WHERE rsa.route_id = r.id AND rsa.sector_association_id = :saId)',
        { saId: query.sectorAssociationId },
      );
    }
    const page = await paginate(qb, query);
    const ids = await this.sectorAssociationIds(
      this.dataSource.manager,
      page.data.map((r) => r.id),
    );
    return {
      data: page.data.map((route) =>
        Object.assign(route, { sectorAssociationIds: ids.get(route.id) ?? [] }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(principal: Principal, id: string): Promise<RouteRecord> {
    const manager = this.dataSource.manager;
    const route = await this.scoped(manager, principal, id).getOne();
    if (!route) throw new NotFoundError('Route', id);
    const ids = await this.sectorAssociationIds(manager, [route.id]);
    return Object.assign(route, { sectorAssociationIds: ids.get(route.id) ?? [] });
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateRouteDto,
    ifMatch?: number,
  ): Promise<RouteRecord> {
    let sectorAssociationIds: string[] = [];
    const route = await updateLocked(this.dataSource, this.audit, principal, {
      resource: 'Route',
      id,
      body: dto,
      ifMatch,
      lock: (manager) => this.scoped(manager, principal, id).setLock('pessimistic_write').getOne(),
      authorise: (_manager, route) =>
        assertOwnScope(principal, 'universityId', route.universityId, 'edit routes'),
      apply: async (manager, route) => {
        const current = (await this.sectorAssociationIds(manager, [route.id])).get(route.id) ?? [];

        const columns = stripUndefined({ name: dto.name, phase: dto.phase });
        if (dto.programmeId !== undefined && dto.programmeId !== route.programmeId) {
          const programme = await this.programmeInScope(manager, principal, dto.programmeId);
          Object.assign(columns, {
            programmeId: programme.id,
            universityId: programme.universityId,
          });
        }
        const next = dto.sectorAssociationIds ? [...dto.sectorAssociationIds].sort() : current;
        const sectorsChanged = next.join() !== current.join();
        if (sectorsChanged) await this.assertSectorAssociationsExist(manager, next);
        sectorAssociationIds = next;

        const changed = Object.entries(columns).some(
          ([key, value]) => route[key as keyof Route] !== value,
        );
        if (!changed && !sectorsChanged) return null;

        // One UPDATE bumps the version even when only the partner list changed. `returning` takes
        // property names; the raw row carries column names.
        const result = await manager
          .createQueryBuilder()
          .update(Route)
          .set({ ...columns, updatedAt: () => 'now()' })
          .where('id = :id', { id: route.id })
          .returning(['version', 'updatedAt'])
          .execute();
        const [row] = result.raw as { version: number; updated_at: Date }[];
        if (sectorsChanged) await this.replaceSectorAssociations(manager, route.id, next);
        Object.assign(route, columns, { version: row.version, updatedAt: row.updated_at });
        return {
          resourceType: 'route',
          resourceId: route.id,
          action: 'updated',
          universityId: route.universityId,
          data: { ...columns, ...(sectorsChanged ? { sectorAssociationIds: next } : {}) },
        };
      },
    });
    return Object.assign(route, { sectorAssociationIds });
  }

  private scoped(manager: EntityManager, principal: Principal, id: string) {
    return applyScope(
      manager.getRepository(Route).createQueryBuilder('r').where('r.id = :id', { id }),
      principal,
      ROUTE_SCOPE,
    );
  }

  /** A programme outside the caller's scope is reported exactly like a missing one: no leak. */
  private async programmeInScope(
    manager: EntityManager,
    principal: Principal,
    programmeId: string,
  ): Promise<Programme> {
    const programme = await applyScope(
      manager
        .getRepository(Programme)
        .createQueryBuilder('p')
        .where('p.id = :programmeId', { programmeId }),
      principal,
      PROGRAMME_SCOPE,
    ).getOne();
    if (!programme)
      throw new ValidationError([{ field: 'programmeId', message: 'does not exist' }]);
    return programme;
  }

  private async assertSectorAssociationsExist(
    manager: EntityManager,
    ids: string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM sector_associations WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ValidationError([
        {
          field: 'sectorAssociationIds',
          message: `these sector associations do not exist: ${missing.join(', ')}`,
        },
      ]);
    }
  }

  private async replaceSectorAssociations(
    manager: EntityManager,
    routeId: string,
    ids: string[],
  ): Promise<void> {
    await manager.query('DELETE FROM route_sector_associations WHERE route_id = $1', [routeId]);
    if (ids.length === 0) return;
    await manager.query(
      'INSERT INTO route_sector_associations (route_id, sector_association_id) SELECT $1, unnest($2::uuid[])',
      [routeId, ids],
    );
  }

  /** The partner ids of many routes in one query (no N+1), sorted for stable output. */
  private async sectorAssociationIds(
    manager: EntityManager,
    routeIds: string[],
  ): Promise<Map<string, string[]>> {
    const byRoute = new Map<string, string[]>();
    if (routeIds.length === 0) return byRoute;
    const rows: { route_id: string; sector_association_id: string }[] = await manager.query(
      `SELECT route_id, sector_association_id FROM route_sector_associations
        WHERE route_id = ANY($1::uuid[]) ORDER BY route_id, sector_association_id`,
      [routeIds],
    );
    for (const row of rows)
      byRoute.set(row.route_id, [...(byRoute.get(row.route_id) ?? []), row.sector_association_id]);
    return byRoute;
  }
}
