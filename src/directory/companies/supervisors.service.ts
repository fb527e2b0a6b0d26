import {
  applyScope,
  AuditService,
  Clock,
  ConflictError,
  escapeLike,
  isUniqueViolation,
  NotFoundError,
  Page,
  paginate,
  Principal,
  stripUndefined,
  toCalendarDate,
  updateLocked,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CompaniesService } from './companies.service';
import { actedAs, sharedEditAudit } from '../shared-records';
import { SUPERVISOR_SCOPE } from './company-rules';
import {
  CreateSupervisorDto,
  ListSupervisorsQueryDto,
  UpdateSupervisorDto,
} from './supervisor.dto';
import { Supervisor } from './supervisor.entity';
import { SupervisorLoad, SupervisorLoads } from './supervisor-load';
import { WorkingRelations } from '../working-relations';

export type SupervisorWithLoad = Supervisor & { load: SupervisorLoad };

/** Workplace supervisors (praktijkbegeleiders): readable with their company, written by its editors. */
@Injectable()
export class SupervisorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly clock: Clock,
    private readonly relations: WorkingRelations,
    private readonly loads: SupervisorLoads,
  ) {}

  /**
   * The supervisors with their coaching load on `on` (today by default), counted for the whole
   * page at once (supervisor-load.ts says what counts).
   */
  async withLoad(
    supervisors: Supervisor[],
    on: string = toCalendarDate(this.clock.now()),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SupervisorWithLoad[]> {
    const loads = await this.loads.loads(
      manager,
      supervisors.map((s) => s.id),
      on,
    );
    return supervisors.map((s) => Object.assign(s, { load: loads.get(s.id)! }));
  }

  async withLoadOne(supervisor: Supervisor, on?: string): Promise<SupervisorWithLoad> {
    const [one] = await this.withLoad([supervisor], on);
    return one;
  }

  create(principal: Principal, companyId: string, dto: CreateSupervisorDto): Promise<Supervisor> {
    return this.dataSource.transaction(async (manager) => {
      const company = await this.companies.get(principal, companyId, manager);
      await this.relations.assertMayEdit(
        manager,
        principal,
        { kind: 'company', id: company.id },
        'add its supervisors',
      );
      await this.assertEmailFree(manager, company.id, dto.email);
      const supervisor = manager.create(Supervisor, {
        companyId: company.id,
        name: dto.name,
        email: dto.email,
        hoursPerWeek: dto.hoursPerWeek,
        trained: dto.trained,
      });
      await this.save(manager, supervisor);
      await this.audit.record(manager, principal, {
        resourceType: 'supervisor',
        resourceId: supervisor.id,
        action: 'created',
        data: { companyId: company.id, ...dto, by: actedAs(principal) },
      });
      return supervisor;
    });
  }

  async list(
    principal: Principal,
    companyId: string,
    query: ListSupervisorsQueryDto,
  ): Promise<Page<SupervisorWithLoad>> {
    await this.companies.get(principal, companyId);
    const qb = applyScope(
      this.dataSource
        .getRepository(Supervisor)
        .createQueryBuilder('s')
        .where('s.company_id = :companyId', { companyId }),
      principal,
      SUPERVISOR_SCOPE,
    );
    if (query.q) {
      qb.andWhere('(s.name ILIKE :q OR s.email ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    if (query.trained !== undefined)
      qb.andWhere('s.trained = :trained', { trained: query.trained === 'true' });
    const page = await paginate(qb, query);
    return { data: await this.withLoad(page.data, query.loadOn), nextCursor: page.nextCursor };
  }

  async get(
    principal: Principal,
    companyId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'pessimistic_write',
  ): Promise<Supervisor> {
    const qb = applyScope(
      manager
        .getRepository(Supervisor)
        .createQueryBuilder('s')
        .where('s.id = :id AND s.company_id = :companyId', { id, companyId }),
      principal,
      SUPERVISOR_SCOPE,
    );
    if (lock) qb.setLock(lock);
    const supervisor = await qb.getOne();
    if (!supervisor) throw new NotFoundError('Supervisor', id);
    return supervisor;
  }

  update(
    principal: Principal,
    companyId: string,
    id: string,
    dto: UpdateSupervisorDto,
    ifMatch?: number,
  ): Promise<Supervisor> {
    return updateLocked(this.dataSource, this.audit, principal, {
      resource: 'Supervisor',
      id,
      body: dto,
      ifMatch,
      lock: (manager) => this.get(principal, companyId, id, manager, 'pessimistic_write'),
      authorise: (manager, supervisor) =>
        this.relations.assertMayEdit(
          manager,
          principal,
          { kind: 'company', id: supervisor.companyId },
          'edit its supervisors',
        ),
      apply: async (manager, supervisor, before) => {
        if (dto.email && dto.email !== supervisor.email)
          await this.assertEmailFree(manager, supervisor.companyId, dto.email);
        const patch = stripUndefined(dto);
        Object.assign(supervisor, patch);
        await this.save(manager, supervisor);
        return sharedEditAudit(principal, {
          resourceType: 'supervisor',
          resourceId: supervisor.id,
          before,
          patch,
          data: { companyId: supervisor.companyId },
        });
      },
    });
  }

  private async assertEmailFree(
    manager: EntityManager,
    companyId: string,
    email: string,
  ): Promise<void> {
    if (await manager.exists(Supervisor, { where: { companyId, email } })) throw emailTaken(email);
  }

  /** A concurrent registration of the same email at the same company loses on the unique index. */
  private async save(manager: EntityManager, supervisor: Supervisor): Promise<void> {
    try {
      await manager.save(supervisor);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(supervisor.email);
      throw error;
    }
  }
}

function emailTaken(email: string): ConflictError {
  return new ConflictError(
    `A supervisor with email address ${email} is already registered at this company.`,
    'duplicate',
    {
      errors: [{ field: 'email', message: 'is already registered at this company' }],
    },
  );
}
