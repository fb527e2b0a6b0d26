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
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { SME_MAX_EMPLOYEES_EXCLUSIVE } from '../identifiers';
import { actedAs, registeringUniversity, sharedEditAudit } from '../shared-records';
import { COMPANY_SCOPE, coordinateErrors } from './company-rules';
import { CreateCompanyDto, ListCompaniesQueryDto, UpdateCompanyDto } from './company.dto';
import { Company } from './company.entity';
import { WorkingRelations } from '../working-relations';

@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly relations: WorkingRelations,
    @InjectRepository(Company) private readonly repository: Repository<Company>,
  ) {}

  create(principal: Principal, dto: CreateCompanyDto): Promise<Company> {
    const errors = coordinateErrors(dto.latitude, dto.longitude);
    if (errors.length) throw new ValidationError(errors);
    return this.dataSource.transaction(async (manager) => {
      await this.assertKvkFree(manager, dto.kvkNumber);
      const company = manager.create(Company, {
        name: dto.name,
        kvkNumber: dto.kvkNumber,
        sbiCode: dto.sbiCode,
        employeeCount: dto.employeeCount,
        postcode: dto.postcode,
        city: dto.city ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        registeredByUniversityId: registeringUniversity(principal),
      });
      await this.save(manager, company);
      await this.audit.record(manager, principal, {
        resourceType: 'company',
        resourceId: company.id,
        action: 'created',
        universityId: registeringUniversity(principal),
        data: { ...dto, by: actedAs(principal) },
      });
      return company;
    });
  }

  list(principal: Principal, query: ListCompaniesQueryDto): Promise<Page<Company>> {
    const qb = applyScope(this.repository.createQueryBuilder('c'), principal, COMPANY_SCOPE);
    if (query.kvkNumber) qb.andWhere('c.kvk_number = :kvk', { kvk: query.kvkNumber });
    if (query.sbiCode)
      qb.andWhere('c.sbi_code LIKE :sbi', { sbi: `${escapeLike(query.sbiCode)}%` });
    if (query.postcode)
      qb.andWhere('c.postcode LIKE :postcode', { postcode: `${escapeLike(query.postcode)}%` });
    if (query.q) qb.andWhere('c.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    if (query.isSme !== undefined) {
      qb.andWhere(query.isSme === 'true' ? 'c.employee_count < :sme' : 'c.employee_count >= :sme', {
        sme: SME_MAX_EMPLOYEES_EXCLUSIVE,
      });
    }
    return paginate(qb, query);
  }

  /** The company if the caller may see it; 404 otherwise (existence is not leaked). */
  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<Company> {
    const qb = applyScope(
      manager.getRepository(Company).createQueryBuilder('c').where('c.id = :id', { id }),
      principal,
      COMPANY_SCOPE,
    );
    if (lock) qb.setLock(lock);
    const company = await qb.getOne();
    if (!company) throw new NotFoundError('Company', id);
    return company;
  }

  update(
    principal: Principal,
    id: string,
    dto: UpdateCompanyDto,
    ifMatch?: number,
  ): Promise<Company> {
    return updateLocked(this.dataSource, this.audit, principal, {
      resource: 'Company',
      id,
      body: dto,
      ifMatch,
      lock: (manager) => this.get(principal, id, manager, 'pessimistic_write'),
      authorise: (manager, company) =>
        this.relations.assertMayEdit(
          manager,
          principal,
          { kind: 'company', id: company.id },
          'edit it',
        ),
      apply: async (manager, company, before) => {
        if (dto.kvkNumber && dto.kvkNumber !== company.kvkNumber)
          await this.assertKvkFree(manager, dto.kvkNumber);
        const patch = stripUndefined(dto);
        Object.assign(company, patch);
        const errors = coordinateErrors(company.latitude, company.longitude);
        if (errors.length) throw new ValidationError(errors);
        await this.save(manager, company);
        return sharedEditAudit(principal, {
          resourceType: 'company',
          resourceId: company.id,
          before,
          patch,
        });
      },
    });
  }

  private async assertKvkFree(manager: EntityManager, kvkNumber: string): Promise<void> {
    if (await manager.exists(Company, { where: { kvkNumber } })) throw kvkTaken(kvkNumber);
  }

  /** Saves; a concurrent registration of the same KvK number loses on the unique constraint. */
  private async save(manager: EntityManager, company: Company): Promise<void> {
    try {
      await manager.save(company);
    } catch (error) {
      if (isUniqueViolation(error)) throw kvkTaken(company.kvkNumber);
      throw error;
    }
  }
}

function kvkTaken(kvkNumber: string): ConflictError {
  return new ConflictError(
    `A company with KvK number ${kvkNumber} is already registered.`,
    'duplicate',
    {
      errors: [{ field: 'kvkNumber', message: 'is already registered' }],
    },
  );
}
