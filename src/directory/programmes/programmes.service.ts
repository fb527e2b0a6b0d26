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
  uniqueViolation,
  updateLocked,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { University } from '../universities/university.entity';
import {
  AcademicQuarterDto,
  CreateProgrammeDto,
  ListProgrammesQueryDto,
  UpdateProgrammeDto,
} from './programme.dto';
import { programmeRuleErrors } from './programme-rules';
import { AcademicQuarter, DEFAULT_STUDY_MODE, Programme } from './programme.entity';

/** Programmes belong to one university: its coordinators, integrations and students see them. */
export const PROGRAMME_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  student: { column: 'university_id', principalField: 'universityId' },
};

const UNIQUE_CROHO = 'uq_programmes_university_croho';

function toQuarters(quarters: AcademicQuarterDto[]): AcademicQuarter[] {
  return quarters.map(({ name, startDate, endDate, teachingWeeks, examWeeks }) => ({
    name,
    startDate,
    endDate,
    teachingWeeks,
    examWeeks,
  }));
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(Programme) private readonly repository: Repository<Programme>,
  ) {}

  async create(principal: Principal, dto: CreateProgrammeDto): Promise<Programme> {
    assertOwnScope(principal, 'universityId', dto.universityId, 'create programmes');
    const academicCalendar = toQuarters(dto.academicCalendar ?? []);
    const errors = programmeRuleErrors({ ...dto, academicCalendar });
    if (errors.length) throw new ValidationError(errors);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await manager.exists(University, { where: { id: dto.universityId } }))) {
          throw new ValidationError([{ field: 'universityId', message: 'does not exist' }]);
        }
        const programme = manager.create(Programme, {
          universityId: dto.universityId,
          name: dto.name,
          crohoCode: dto.crohoCode,
          degree: dto.degree,
          level: dto.level,
          nominalYears: dto.nominalYears,
          crohoSector: dto.crohoSector ?? null,
          studyMode: dto.studyMode ?? DEFAULT_STUDY_MODE,
          academicCalendar,
        });
        await manager.save(programme);
        await this.audit.record(manager, principal, {
          resourceType: 'programme',
          resourceId: programme.id,
          action: 'created',
          universityId: programme.universityId,
          data: { ...dto, academicCalendar },
        });
        return programme;
      });
    } catch (error) {
      throw this.translate(error, dto.crohoCode);
    }
  }

  list(principal: Principal, query: ListProgrammesQueryDto): Promise<Page<Programme>> {
    const qb = applyScope(this.repository.createQueryBuilder('p'), principal, PROGRAMME_SCOPE);
    if (query.universityId)
      qb.andWhere('p.university_id = :universityId', { universityId: query.universityId });
    if (query.degree) qb.andWhere('p.degree = :degree', { degree: query.degree });
    if (query.crohoCode) qb.andWhere('p.croho_code = :crohoCode', { crohoCode: query.crohoCode });
    if (query.q) qb.andWhere('p.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query);
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Programme> {
    const programme = await this.scoped(manager, principal, id).getOne();
    if (!programme) throw new NotFoundError('Programme', id);
    return programme;
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateProgrammeDto,
    ifMatch?: number,
  ): Promise<Programme> {
    try {
      return await updateLocked(this.dataSource, this.audit, principal, {
        resource: 'Programme',
        id,
        body: dto,
        ifMatch,
        lock: (manager) =>
          this.scoped(manager, principal, id).setLock('pessimistic_write').getOne(),
        authorise: (_manager, programme) =>
          assertOwnScope(principal, 'universityId', programme.universityId, 'edit programmes'),
        apply: async (manager, programme) => {
          const patch = stripUndefined({
            ...dto,
            academicCalendar: dto.academicCalendar ? toQuarters(dto.academicCalendar) : undefined,
          });
          const errors = programmeRuleErrors({ ...programme, ...patch });
          if (errors.length) throw new ValidationError(errors);
          Object.assign(programme, patch);
          await manager.save(programme);
          return {
            resourceType: 'programme',
            resourceId: programme.id,
            action: 'updated',
            universityId: programme.universityId,
            data: patch,
          };
        },
      });
    } catch (error) {
      throw this.translate(error, dto.crohoCode);
    }
  }

  private scoped(manager: EntityManager, principal: Principal, id: string) {
    return applyScope(
      manager.getRepository(Programme).createQueryBuilder('p').where('p.id = :id', { id }),
      principal,
      PROGRAMME_SCOPE,
    );
  }

  /** The unique index on (university, CROHO code) is the source of truth, also under races. */
  private translate(error: unknown, crohoCode: string | undefined): unknown {
    if (uniqueViolation(error) === UNIQUE_CROHO) {
      return new ConflictError(
        `This university already has a programme with CROHO code ${crohoCode}; edit that programme instead.`,
        'duplicate',
      );
    }
    return error;
  }
}
